-- Durable POST .../responses with a submissionId no other request in the run uses:
-- "<run nonce>-<thread>-<counter>". Arguments after "--": the session's join code, the run nonce.
-- The figures line comes from report.lua (wrk takes one script; bench.py names the file).
dofile(os.getenv("BENCH_REPORT_LUA"))
local thread_counter = 0
local threads = {}

function setup(thread)
   thread_counter = thread_counter + 1
   thread:set("thread_number", thread_counter)
   table.insert(threads, thread)
end

local code, nonce
local sequence = 0

function init(args)
   code = args[1]
   nonce = args[2]
   wrk.method = "POST"
   wrk.path = "/api/sessions/" .. code .. "/responses"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   sequence = sequence + 1
   local body = string.format(
      '{"submissionId":"%s-%d-%d","answers":{"meeting-rating":4,"most-important":"Fællesskab på tværs af generationer"}}',
      nonce, thread_number, sequence)
   return wrk.format(nil, nil, nil, body)
end
