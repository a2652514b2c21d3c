-- wrk script for bench/booking-mix.sh: economic groups book random rooms and
-- divisions over the last MIX_DAYS (150) days of their window, and each
-- booking made is cancelled again by the registration that made it.
--
-- Each wrk thread keeps the bookings it made in a queue; once more than
-- CANCEL_LAG (default 400) are waiting, its next request cancels the
-- oldest, so about CANCEL_LAG bookings per thread are live at any moment
-- (the units they hold make slot_taken, monthly_limit_reached and
-- community_quota_reserved appear: about a quarter of the answers are
-- refusals at the default, as in the mix the optimisation targets), and
-- bookings and cancels run at nearly the same rate. The last CANCEL_LAG bookings of each thread stay booked
-- when the run ends.
--
-- Rooms: every room booked by division except the cooking room and the
-- nursery room, whose couplings would turn most of their requests into
-- coupling refusals. Data from bench/booking/seed.py (BOOKING_DATA).
-- Latency per kind ("b" booking, "c" cancel) and counts by status and
-- code: bench/lib/wrkstats.lua.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local stats = dofile(here .. "../lib/wrkstats.lua")
local data = dofile(os.getenv("BOOKING_DATA"))
local mix_days = tonumber(os.getenv("MIX_DAYS") or "150")
local cancel_lag = tonumber(os.getenv("CANCEL_LAG") or "400")

local rooms = {"multipurpose-hall", "gym", "small-gym", "special-meeting-room", "large-meeting-room", "meeting-room-1",
               "meeting-room-2", "japanese-room", "creative-room", "event-corner"}
local spans = {'"am"', '"pm"', '"night"', '"am","pm"', '"pm","night"', '"am","pm","night"'}

local groups, token_of = {}, {}
for _, reg in ipairs(data.registrations) do
   if reg.category == "economic_group" then
      groups[#groups + 1] = reg
      token_of[tostring(reg.id)] = reg.token
   end
end
local window = data.inside.economic_group
local dates = {}
for i = math.max(1, #window - mix_days + 1), #window do dates[#dates + 1] = window[i] end

local cancel_body = '{"reason":"plans changed"}'

local function pick(list) return list[math.random(#list)] end

function setup(thread) stats.setup(thread) end

function init(args)
   stats.init()
   math.randomseed(tid * 7919 + os.time())
   queue, head, tail, serial = {}, 1, 0, 0
   -- The parts of each request that do not change, built once (wrk.format builds them anew every time).
   local host = "Host: " .. wrk.headers["Host"] .. "\r\n"
   key_header = "Idempotency-Key: mix-" .. os.time() .. "-" .. tid .. "-"
   booking_line = "POST /bookings HTTP/1.1\r\n" .. host .. "Content-Type: application/json\r\n"
   cancel_line = host .. "Content-Type: application/json\r\nContent-Length: " .. #cancel_body .. "\r\n"
   auth = {}
   for _, reg in ipairs(groups) do auth[reg] = "Authorization: Bearer " .. reg.token .. "\r\n" end
   status_keys = {}
end

function request()
   serial = serial + 1
   if tail - head + 1 > cancel_lag then
      local booking = queue[head]
      queue[head] = nil
      head = head + 1
      stats.bump("sent_cancel")
      return "POST /bookings/" .. booking.id .. "/cancel HTTP/1.1\r\n" .. cancel_line .. "Authorization: Bearer " ..
         booking.token .. "\r\n" .. key_header .. serial .. "\r\nX-Request-Id: " .. stats.stamp("c") .. "\r\n\r\n" ..
         cancel_body
   end
   local reg = pick(groups)
   local body = '{"facility":"' .. pick(rooms) .. '","date":"' .. pick(dates) .. '","divisions":[' .. pick(spans) ..
      '],"registration":' .. reg.id .. ',"purpose":"Seminar","attendees":10,"admission_charged":0,"commercial":false}'
   stats.bump("sent_booking")
   return booking_line .. auth[reg] .. key_header .. serial .. "\r\nX-Request-Id: " .. stats.stamp("b") ..
      "\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body
end

-- "KIND_status_STATUS", built once per kind and status.
local function status_key(kind, status)
   local by_status = status_keys[kind]
   if not by_status then
      by_status = {}
      status_keys[kind] = by_status
   end
   local key = by_status[status]
   if not key then
      key = kind .. "_status_" .. status
      by_status[status] = key
   end
   return key
end

function response(status, headers, body)
   local kind = stats.record(headers) or "unknown"
   stats.bump(status_key(kind, status))
   if kind == "b" and status == 201 then
      local id = body:match('[{,]"id":(%d+)')
      local registration = body:match('[{,]"registration":(%d+)')
      if id and registration then
         tail = tail + 1
         queue[tail] = {id = id, token = token_of[registration] or data.staff}
      end
   elseif status >= 400 then
      stats.bump(kind .. "_code_" .. (body:match('"code":"([%w_]+)"') or "none"))
   end
end

function done(summary, latency, requests) stats.done(summary) end
