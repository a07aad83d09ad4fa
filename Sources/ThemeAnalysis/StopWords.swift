/// Stop-word lists shipped as data, so the module needs no file reads.
///
/// Danish: Snowball's list plus common function words, auxiliaries and fillers of spoken answers.
/// English: Snowball's list plus a few fillers. Words only; no topic words.
enum StopWords {
    /// Danish stop words (lower case).
    static let danish: Set<String> = Set("""
    ad af alle alt anden andet andre at bare begge bl blandt blev blive bliver både da de dem den det
    denne dens der deres derfor dermed desuden dette dig din dine disse dit dog du efter eftersom
    ej eks eller en end endnu ens er et evt f fik for fordi fra få får gennem gik gjorde gjort god
    gode godt gør gøre gøres går ham han hans har havde have hele hen hende hendes her heller hos hun
    hvad hvem hver hvilke hvilken hvilket hvis hvor hvordan hvorfor hvornår i ikke ind ingen
    intet jeg jer jeres jo kan kunne kommer kun lidt lige man mange med meget mellem men mens mere
    mest mig min mine mit mod må måske ned nej noget nogen nogle nok nu når og også om op os
    over på samme samt se selv sig sin sine sit skal skulle som stadig så sådan thi til uden ud
    under var ved vi vil ville vor vore vores være været øvrigt altså således ligesom via hvorvidt
    ellers især igen jf mv osv pga ca dvs fx mfl tror synes syntes sige siger sagt ting tingene ja
    """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// English stop words (lower case).
    static let english: Set<String> = Set("""
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also may might must
    shall us get got really think thing things lot lots much many yes ok okay etc dont don
    doesn didn isn aren wasn won wouldn shouldn couldn can cannot ll ve re
    """.split(whereSeparator: \.isWhitespace).map(String.init))
}
