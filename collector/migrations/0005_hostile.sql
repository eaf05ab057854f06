-- Struggle events the collector kept but did not alert on (a session's repeat
-- within its episode, or past its address's alerts a minute): evidence stays,
-- nobody is paged. /api/alerts lists only held = 0.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS held UInt8 DEFAULT 0;

-- The page's clock minus the collector's when the beacon was sent, ms, when
-- more than 2 s apart: `ts` holds the corrected time (when it really
-- happened), `ts - skew` what the page's clock said. 0 for a clock in time.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
ALTER TABLE signals ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
ALTER TABLE page_views ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
ALTER TABLE clicks ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
ALTER TABLE scroll_depth ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
ALTER TABLE vitals ADD COLUMN IF NOT EXISTS skew Int64 DEFAULT 0;
