/**
 * The prompt's look, adopted by its shadow root as a constructed stylesheet: no `<style>`
 * element and no style attribute, so a CSP without 'unsafe-inline' lets it through, and
 * the page's CSS cannot reach in (nor ours out).
 */
export const CSS = `
:host{all:initial;position:fixed;z-index:2147483647;left:0;top:0;width:100%;height:100%;pointer-events:none;transform-origin:0 0}
.box{font:15px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff;border:1px solid #c8c8cc;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:16px 40px 16px 16px;position:absolute;right:12px;bottom:12px;box-sizing:border-box;width:max-content;max-width:min(360px,calc(100% - 24px));max-height:calc(100% - 24px);overflow:auto;overflow-wrap:anywhere;pointer-events:auto}
h2{font-size:16px;margin:0 0 6px}
p{margin:0 0 12px}
.row{display:flex;gap:8px;flex-wrap:wrap}
button,a.btn{font:inherit;cursor:pointer;border-radius:8px;padding:7px 14px;border:1px solid #2a5bd7;background:#2a5bd7;color:#fff;text-decoration:none;display:inline-block}
button.alt{background:#fff;color:#2a5bd7}
.x{position:absolute;top:6px;right:6px;background:transparent;border:0;color:#555;font-size:20px;line-height:1;padding:4px 8px}
button:focus-visible,a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.link{color:#2a5bd7}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:#1f8f4e;margin-right:8px;vertical-align:middle}
.face{display:inline-flex;align-items:center;justify-content:center;width:28px;height:28px;border-radius:50%;background:#2a5bd7;color:#fff;font-weight:600;margin-right:8px}
.joined{display:flex;align-items:center;font-weight:600}
[hidden]{display:none}
`
