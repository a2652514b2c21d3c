-- wrk script for bench/refusals.sh: POST /bookings that are all refused for
-- reasons a read snapshot can decide (the cases of bench/refusals/seed.py,
-- REFUSAL_DATA), sent in turn, each with its own Idempotency-Key. Latency
-- per case (bench/lib/wrkstats.lua) and counts: "<code>_ok" when the answer
-- has the case's status and code, "<code>_wrong_<status>_<code>" otherwise.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local stats = dofile(here .. "../lib/wrkstats.lua")
local data = dofile(os.getenv("REFUSAL_DATA"))
local cases = data.cases
-- Kinds in X-Request-Id are letters only: case n is the n-th letter.
local letters = "abcdefghijklmnopqrstuvwxyz"
local by_letter = {}
for n, case in ipairs(cases) do by_letter[letters:sub(n, n)] = case end

function setup(thread) stats.setup(thread) end

function init(args)
   stats.init()
   serial = tid - 1
   run = tostring(os.time())
end

function request()
   serial = serial + 1
   local n = serial % #cases + 1
   return wrk.format("POST", "/bookings",
      {["Authorization"] = "Bearer " .. data.staff, ["Content-Type"] = "application/json",
       ["Idempotency-Key"] = "refusal-" .. run .. "-" .. tid .. "-" .. serial,
       ["X-Request-Id"] = stats.stamp(letters:sub(n, n))}, cases[n].body)
end

function response(status, headers, body)
   local kind = stats.record(headers)
   local case = kind and by_letter[kind]
   if not case then
      stats.bump("unmatched_" .. status)
      return
   end
   local code = body:match('"code":"([%w_]+)"') or "none"
   if status == case.status and code == case.code then
      stats.bump(case.code .. "_ok")
   else
      stats.bump(case.code .. "_wrong_" .. status .. "_" .. code)
   end
end

function done(summary, latency, requests)
   for n, case in ipairs(cases) do io.write(string.format("case %s %s\n", letters:sub(n, n), case.code)) end
   stats.done(summary)
end
