// The Wince page API stub: calls made before s.js loads are queued and replayed.
window.wince = window.wince || function () { (window.wince.q = window.wince.q || []).push(arguments) }
