// The platform's few behaviours, bound from data attributes: the Content-Security-Policy refuses inline scripts and
// on… attributes (script-src 'self'), so no page carries its own.
// - [data-print]: a button that prints the page.
document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
