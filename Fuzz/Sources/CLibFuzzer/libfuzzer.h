// The one libFuzzer entry point the fuzzers call. libclang_rt.fuzzer (linked by -sanitize=fuzzer)
// defines it; SwiftPM gives every executable its own main, so libFuzzer's main cannot be used.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));
