// Runs inside the headless Chromium page that src/build/diagram-renderer.ts drives, next to
// mermaid's own classic bundle. Plain JavaScript: it is loaded as a script, not bundled.
// window.kbRenderDiagram(job) → { svg, width, height, labelPx, layout }
(function () {
  'use strict';

  /** The ids mermaid gives node groups: `<svg id>-flowchart-<node id>-<n>`. */
  function nodeIdOf(group, svgId) {
    var m = new RegExp('^' + svgId + '-flowchart-(.+)-\\d+$').exec(group.id || '');
    return m ? m[1] : undefined;
  }

  /** Attributes that hold coordinates: one decimal is plenty (labels are never touched). */
  var GEOMETRY = /^(d|points|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|viewBox|refX|refY|markerWidth|markerHeight)$/;

  function round(text) {
    return text.replace(/-?\d+\.\d{2,}/g, function (n) {
      return String(Math.round(parseFloat(n) * 10) / 10);
    });
  }

  /** Strips what mermaid adds for its own runtime, links the boxes that name an article. */
  function clean(svg, job) {
    var id = svg.id;
    svg.querySelectorAll('style').forEach(function (s) { s.remove(); });
    var style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = job.css.split('#ID').join('#' + id);
    svg.insertBefore(style, svg.firstChild);
    // Markers nothing refers to (mermaid defines every arrow head for every diagram).
    var used = svg.innerHTML;
    svg.querySelectorAll('marker').forEach(function (m) {
      if (used.indexOf('url(#' + m.id + ')') === -1) m.remove();
    });
    svg.querySelectorAll('*').forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        if (a.name.indexOf('data-') === 0 || (a.name === 'style' && /^[\s;]*$/.test(a.value))) el.removeAttribute(a.name);
        else if (GEOMETRY.test(a.name)) el.setAttribute(a.name, round(a.value));
      });
    });
    svg.querySelectorAll('g.node').forEach(function (g) {
      var node = nodeIdOf(g, id);
      var href = node && job.links[node];
      if (!href) return;
      var a = document.createElementNS('http://www.w3.org/2000/svg', 'a');
      a.setAttribute('href', href);
      a.setAttribute('tabindex', '-1');
      g.classList.add('is-link');
      g.parentNode.insertBefore(a, g);
      a.appendChild(g);
    });
    var box = svg.viewBox.baseVal;
    var width = Math.ceil(box.width);
    var height = Math.ceil(box.height);
    svg.removeAttribute('style');
    svg.removeAttribute('role');
    svg.removeAttribute('aria-roledescription');
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    // The page offers the same content as text (and the same links) next to the picture.
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    // XML serialisation: valid inline in HTML and as a standalone .svg file alike.
    return { svg: new XMLSerializer().serializeToString(svg), width: width, height: height };
  }

  var counter = 0;

  async function renderOne(source, config, job) {
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      fontFamily: job.font,
      flowchart: Object.assign({ useMaxWidth: false, htmlLabels: true }, config),
    });
    var tmpId = 'kbtmp' + counter++;
    var out = await window.mermaid.render(tmpId, source);
    var holder = document.createElement('div');
    holder.innerHTML = out.svg;
    var svg = holder.querySelector('svg');
    svg.id = job.id;
    // Re-key every id and reference from the temporary id to the placeholder the pages replace.
    var html = svg.outerHTML.split(tmpId).join(job.id);
    holder.innerHTML = html;
    document.body.appendChild(holder);
    try {
      return clean(holder.querySelector('svg'), job);
    } finally {
      holder.remove();
    }
  }

  /**
   * Tries layouts until the labels are at least `job.minLabelPx` at the desktop column width:
   * as written, then turned (TD ↔ LR), then both with narrower boxes and tighter spacing. Keeps
   * the first that is large enough, or the largest.
   */
  window.kbRenderDiagram = async function (job) {
    var flipped = job.source.replace(/^(\s*(?:flowchart|graph)\s+)(TD|TB|LR|RL|BT)/m, function (_m, pre, dir) {
      return pre + (dir === 'LR' || dir === 'RL' ? 'TD' : 'LR');
    });
    var attempts = [];
    for (var i = 0; i < job.layouts.length; i++) {
      var layout = job.layouts[i];
      var source = layout.turn ? flipped : job.source;
      var r = await renderOne(source, layout.config, job);
      r.labelPx = job.fontPx * Math.min(1, job.columnPx / r.width);
      r.layout = i;
      attempts.push(r);
      if (r.labelPx >= job.minLabelPx) return r;
    }
    attempts.sort(function (a, b) { return b.labelPx - a.labelPx; });
    return attempts[0];
  };
})();
