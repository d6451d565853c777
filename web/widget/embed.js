// Studio Booking: the booking widget on any web page, with one line:
//
//   <script src="https://…/widget/embed.js" data-studio="st_…" async></script>
//
// Optional attributes narrow what the widget offers: data-service, data-staff, data-collection,
// data-lang (a language the studio writes), data-times="mine" (the visitor's clock), and for the classes
// data-view="week" (the week's timetable), data-type (a class's name), data-instructor (a staff id),
// data-location (a location id), data-format ("in-person" or "online"). The script puts an
// iframe of the widget where it stands (or into the element named by data-target) and keeps the
// iframe as tall as the widget's content, from the height the widget posts to its parent page. No
// cookies, nothing global but the iframe; a page may hold several.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  if (!data.studio) {
    console.warn('Studio Booking embed: data-studio is missing');
    return;
  }
  const widget = new URL('./', script.src);
  const values = { studio: data.studio, service: data.service, staff: data.staff, collection: data.collection, lang: data.lang, times: data.times,
    view: data.view, type: data.type, instructor: data.instructor, location: data.location, format: data.format };
  for (const [name, value] of Object.entries(values)) if (value) widget.searchParams.set(name, value);

  const frame = document.createElement('iframe');
  frame.src = widget.href;
  frame.title = data.title || 'Booking';
  frame.loading = 'lazy';
  frame.style.cssText = 'display:block;width:100%;border:0;min-height:480px;height:720px;overflow:hidden';
  frame.setAttribute('allow', 'payment');
  const target = data.target ? document.getElementById(data.target) : null;
  if (target) target.append(frame); else script.after(frame);

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== widget.origin) return;
    const message = event.data;
    if (message?.type === 'studio-booking:height' && Number.isFinite(message.height) && message.height > 0) {
      frame.style.height = `${Math.ceil(message.height)}px`;
    }
  });
})();
