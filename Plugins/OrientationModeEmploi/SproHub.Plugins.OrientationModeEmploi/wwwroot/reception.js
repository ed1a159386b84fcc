// Answers as the officer types: the results fragment comes from this page. A search counts once typing
// has paused (or on Enter), not at every key.
(() => {
    const form = document.getElementById('search-form'), input = document.getElementById('q'), results = document.getElementById('results');
    let typing, settling, last = '', recorded = '';
    const show = async (record) => {
        const q = input.value.trim();
        if (q === '' ) { results.innerHTML = ''; return; }
        if (record && q === recorded) return;
        if (record) recorded = q;
        const response = await fetch(form.dataset.results + '&q=' + encodeURIComponent(q) + (record ? '&record=true' : ''), { headers: { 'Accept': 'text/html' } });
        if (response.ok && input.value.trim() === q) results.innerHTML = await response.text();
    };
    input.addEventListener('input', () => {
        clearTimeout(typing); clearTimeout(settling);
        typing = setTimeout(() => { if (input.value.trim() !== last) { last = input.value.trim(); show(false); } }, 120);
        settling = setTimeout(() => show(true), 1500);
    });
    form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(settling); history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim())); show(true); });
})();
