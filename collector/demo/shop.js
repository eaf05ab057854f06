// The demo shop's own code. Some controls are broken on purpose (see the HTML).
;(function () {
  'use strict'
  var $ = function (id) { return document.getElementById(id) }
  var note = $('note')
  var say = function (text) { if (note) note.textContent = text }

  function basket() {
    try { return JSON.parse(sessionStorage.getItem('demo-basket') || '[]') } catch (e) { return [] }
  }
  function showCount() {
    var count = basket().reduce(function (n, item) { return n + item.qty }, 0)
    if ($('basket-count')) $('basket-count').textContent = String(count)
  }
  showCount()

  var qty = 1
  if ($('qty-minus')) {
    $('qty-minus').addEventListener('click', function () { qty = Math.max(1, qty - 1); $('qty').textContent = String(qty) })
    $('qty-plus').addEventListener('click', function () { qty = Math.min(99, qty + 1); $('qty').textContent = String(qty) })
    $('add-to-basket').addEventListener('click', function () {
      var items = basket()
      items.push({ name: 'Enamel mug', qty: qty, price: 12 })
      sessionStorage.setItem('demo-basket', JSON.stringify(items))
      showCount()
      say('Added ' + qty + ' to your basket.')
    })
    $('check-stock').addEventListener('click', function () {
      say('')
      // Slow on purpose: the answer comes a while after the request starts.
      fetch('stock.json?t=' + Date.now()).then(function (r) { return r.json() }).then(function (stock) {
        setTimeout(function () { say(stock.inStock + ' in stock.') }, 1200)
      })
    })
    $('gift-card').addEventListener('click', function () {
      var card = null
      say(card.code) // throws: TypeError
    })
  }

  if ($('basket-rows')) {
    var items = basket()
    if (items.length) {
      $('basket-rows').innerHTML = ''
      items.forEach(function (item) {
        var row = document.createElement('tr')
        ;[item.name, String(item.qty), '€' + (item.qty * item.price).toFixed(2)].forEach(function (text) {
          var cell = document.createElement('td')
          cell.textContent = text
          row.appendChild(cell)
        })
        $('basket-rows').appendChild(row)
      })
    }
  }

  // The postcode check that refuses valid postcodes (see checkout.html): a form that fights back.
  if ($('postcode')) {
    $('postcode').addEventListener('change', function () {
      var bad = !/^\d{5}$/.test($('postcode').value.trim())
      $('postcode').setAttribute('aria-invalid', bad ? 'true' : 'false')
      $('postcode-error').hidden = !bad
    })
  }

  if ($('checkout-form')) {
    $('checkout-form').addEventListener('submit', function (event) {
      event.preventDefault()
      var order = undefined
      order.place() // throws: TypeError, and nothing visible happens
    })
  }

  // The site's own reaction to a struggling visitor, through the page API.
  window.wince('on', 'struggle', function () {
    say('Having trouble? Call us on the number below, we are happy to help.')
  })
})()
