-- The pointer a click signal was made with, as the page's PointerEvent said it
-- (`mouse`, `touch`, `pen`), so rage and dead taps on phones can be told from
-- clicks; '' for signals not made by a pointer (scroll, quick back, forms) and
-- for snippets that did not send it.
ALTER TABLE signals ADD COLUMN IF NOT EXISTS pointer LowCardinality(String) DEFAULT '';
