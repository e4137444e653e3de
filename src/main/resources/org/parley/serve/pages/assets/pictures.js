// Parley pictures, drawn with D3 (bundled, /assets/d3.min.js) from the JSON the server embeds in
// the page (#pictures-data). Every node and mark is a link to its page.
(function () {
  'use strict';
  var STANCE_COLOURS = {
    demand: '#d62728', proposal: '#1f77b4', offer: '#17becf', acceptance: '#2ca02c', commitment: '#98df8a',
    rejection: '#9467bd', refusal: '#e377c2', denial: '#8c564b', expectation: '#bcbd22', assessment: '#7f7f7f',
    disagreement: '#ff7f0e', noAgreement: '#ffbb78', threat: '#000000'
  };
  function colour(stance) { return STANCE_COLOURS[stance] || '#999999'; }
  function go(href) { if (href) { window.location.href = href; } }
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + '…' : text; }

  function network(data) {
    var svg = d3.select('#network-chart');
    var box = svg.node().getBoundingClientRect();
    var width = Math.max(box.width, 320), height = Math.max(box.height, 400);
    svg.attr('viewBox', [0, 0, width, height]);
    var stances = Array.from(new Set(data.links.map(function (l) { return l.stance; })));
    var legend = d3.select('#legend').selectAll('span').data(stances).join('span').attr('class', 'legend-item');
    legend.append('i').style('background', colour);
    legend.append('span').text(function (s) {
      var l = data.links.find(function (x) { return x.stance === s; }); return l ? l.stanceLabel : s;
    });
    var nodes = data.nodes.map(function (d) { return Object.assign({}, d); });
    var links = data.links.map(function (d) { return Object.assign({}, d); });
    var small = width < 600;
    // Laid out before drawing (300 ticks), so the picture appears settled; dragging restarts it.
    var sim = d3.forceSimulation(nodes)
      .force('link', d3.forceLink(links).id(function (d) { return d.id; }).distance(small ? 45 : 80).strength(0.5))
      .force('charge', d3.forceManyBody().strength(small ? -60 : -260))
      .force('x', d3.forceX(width / 2).strength(small ? 0.12 : 0.07)).force('y', d3.forceY(height / 2).strength(small ? 0.12 : 0.11))
      .force('collide', d3.forceCollide(function (d) { return d.kind === 'party' ? (small ? 14 : 26) : (small ? 7 : 13); }))
      .stop();
    for (var i = 0; i < 300; i++) { sim.tick(); }
    var link = svg.append('g').attr('class', 'links').selectAll('line').data(links).join('line')
      .attr('class', 'edge').attr('stroke', function (d) { return colour(d.stance); })
      .attr('stroke-width', function (d) { return 1.5 + Math.min(d.count, 4); }).attr('stroke-opacity', 0.75);
    link.append('title').text(function (d) { return d.stanceLabel + ' (' + d.count + ')'; });
    var node = svg.append('g').attr('class', 'nodes').selectAll('g').data(nodes).join('g')
      .attr('class', function (d) { return 'node ' + d.kind; }).style('cursor', 'pointer')
      .on('click', function (event, d) { go(d.href); })
      .call(d3.drag()
        .on('start', function (event, d) { if (!event.active) { sim.alphaTarget(0.3).restart(); } d.fx = d.x; d.fy = d.y; })
        .on('drag', function (event, d) { d.fx = event.x; d.fy = event.y; })
        .on('end', function (event, d) { if (!event.active) { sim.alphaTarget(0); } d.fx = null; d.fy = null; }));
    node.append('circle').attr('r', function (d) { return d.kind === 'party' ? (small ? 9 : 12) : (small ? 4 : 6); })
      .attr('fill', function (d) { return d.kind === 'party' ? '#14304f' : '#fff'; })
      .attr('stroke', '#14304f').attr('stroke-width', 1.5);
    node.append('text').attr('x', 14).attr('dy', '0.35em')
      .attr('class', function (d) { return d.kind === 'party' ? 'party-label' : 'content-label'; })
      .text(function (d) { return d.kind === 'party' ? d.label : short(d.label, small ? 14 : 28); });
    node.append('title').text(function (d) { return d.label; });
    function draw() {
      nodes.forEach(function (d) {
        d.x = Math.max(12, Math.min(width - 12, d.x)); d.y = Math.max(12, Math.min(height - 12, d.y));
      });
      link.attr('x1', function (d) { return d.source.x; }).attr('y1', function (d) { return d.source.y; })
        .attr('x2', function (d) { return d.target.x; }).attr('y2', function (d) { return d.target.y; });
      node.attr('transform', function (d) { return 'translate(' + d.x + ',' + d.y + ')'; });
    }
    draw();
    sim.on('tick', draw);
  }

  function timeline(data) {
    var rowH = 34, labelW = 190, colW = 210, top = 30;
    var svg = d3.select('#timeline-chart');
    var width = labelW + colW * data.reports.length + 20, height = top + rowH * data.parties.length + 10;
    svg.attr('width', width).attr('height', height).attr('viewBox', [0, 0, width, height]);
    svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
      .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
      .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', '#444');
    data.reports.forEach(function (r, i) {
      var x = labelW + i * colW;
      svg.append('a').attr('href', '/kb/report/' + r).append('text').attr('x', x + colW / 2).attr('y', 16)
        .attr('text-anchor', 'middle').attr('class', 'axis').text('report ' + r.slice(0, 3));
      svg.append('line').attr('x1', x).attr('x2', x).attr('y1', top - 8).attr('y2', height).attr('stroke', '#e3e6ea');
    });
    var rowOf = {};
    data.parties.forEach(function (p, i) {
      rowOf[p.id] = i;
      var y = top + i * rowH + rowH / 2;
      svg.append('line').attr('x1', labelW).attr('x2', width - 10).attr('y1', y).attr('y2', y).attr('stroke', '#eef0f2');
      svg.append('a').attr('href', p.href).append('text').attr('x', labelW - 8).attr('y', y).attr('dy', '0.35em')
        .attr('text-anchor', 'end').attr('class', 'party-label').text(short(p.label, 26));
    });
    var slot = {}, where = {};
    data.marks.forEach(function (m) {
      var key = m.party + ' ' + m.report;
      var k = slot[key] = (slot[key] || 0) + 1;
      var col = data.reports.indexOf(m.report);
      m.x = labelW + col * colW + 12 + (k - 1) * 15;
      if (m.x > labelW + (col + 1) * colW - 8) { m.x = labelW + (col + 1) * colW - 8; }
      m.y = top + rowOf[m.party] * rowH + rowH / 2;
      where[m.id + ' ' + m.party] = m;
    });
    data.marks.forEach(function (m) {
      m.supersedes.forEach(function (old) {
        var o = where[old + ' ' + m.party];
        if (o) {
          svg.append('path').attr('class', 'supersedes').attr('fill', 'none').attr('stroke', '#444')
            .attr('stroke-dasharray', '3,2').attr('marker-end', 'url(#arrow)')
            .attr('d', 'M' + m.x + ',' + (m.y - 7) + ' C' + m.x + ',' + (m.y - 22) + ' ' + o.x + ',' + (o.y - 22) + ' ' + o.x + ',' + (o.y - 8));
        }
      });
    });
    var mark = svg.append('g').selectAll('a').data(data.marks).join('a').attr('href', function (m) { return m.href; })
      .attr('class', 'mark-link');
    mark.each(function (m) {
      var g = d3.select(this);
      var c = colour(m.stance);
      if (m.stance === 'rejection' || m.stance === 'refusal' || m.stance === 'denial') {
        g.append('path').attr('class', 'mark').attr('d', d3.symbol(d3.symbolCross, 110)())
          .attr('transform', 'translate(' + m.x + ',' + m.y + ') rotate(45)').attr('fill', c);
      } else if (m.stance === 'acceptance' || m.stance === 'commitment') {
        g.append('circle').attr('class', 'mark').attr('cx', m.x).attr('cy', m.y).attr('r', 6)
          .attr('fill', '#fff').attr('stroke', c).attr('stroke-width', 3);
      } else {
        g.append('circle').attr('class', 'mark').attr('cx', m.x).attr('cy', m.y).attr('r', 6).attr('fill', c);
      }
      g.append('title').text(m.stanceLabel + ': ' + m.content + ' (report ' + m.report.slice(0, 3)
        + (m.date ? ', ' + m.date : '') + ')');
    });
  }

  function sourcing(data) {
    var columns = ['outlets', 'cited sources', 'speakers', 'parties'];
    var colW = 250, rowH = 26, top = 30;
    var byCol = [[], [], [], []];
    data.nodes.forEach(function (n) { byCol[n.column].push(n); });
    byCol.forEach(function (list) { list.sort(function (a, b) { return a.label.localeCompare(b.label); }); });
    var rows = Math.max.apply(null, byCol.map(function (l) { return l.length; }));
    var width = colW * 4, height = top + rows * rowH + 10;
    var svg = d3.select('#sourcing-chart').attr('width', width).attr('height', height).attr('viewBox', [0, 0, width, height]);
    var pos = {};
    byCol.forEach(function (list, c) {
      var offset = (rows - list.length) * rowH / 2;
      list.forEach(function (n, i) { pos[n.id] = { x: 10 + c * colW, y: top + offset + i * rowH + rowH / 2, n: n }; });
      svg.append('text').attr('x', 10 + c * colW).attr('y', 14).attr('class', 'axis').text(columns[c]);
    });
    svg.append('g').selectAll('path').data(data.links).join('path').attr('class', 'edge').attr('fill', 'none')
      .attr('stroke', '#6b8cb3').attr('stroke-opacity', 0.5)
      .attr('stroke-width', function (l) { return 1 + Math.min(l.count, 8) * 0.8; })
      .attr('d', function (l) {
        var a = pos[l.source], b = pos[l.target];
        var x1 = a.x + 8, x2 = b.x - 2, mid = (x1 + x2) / 2;
        return 'M' + x1 + ',' + a.y + ' C' + mid + ',' + a.y + ' ' + mid + ',' + b.y + ' ' + x2 + ',' + b.y;
      })
      .append('title').text(function (l) { return pos[l.source].n.label + ' → ' + pos[l.target].n.label + ' (' + l.count + ')'; });
    var node = svg.append('g').selectAll('a').data(data.nodes).join('a').attr('href', function (n) { return n.href; })
      .attr('class', 'node');
    node.append('circle').attr('cx', function (n) { return pos[n.id].x; }).attr('cy', function (n) { return pos[n.id].y; })
      .attr('r', 5).attr('fill', '#14304f');
    node.append('text').attr('x', function (n) { return pos[n.id].x + 9; }).attr('y', function (n) { return pos[n.id].y; })
      .attr('dy', '0.35em').text(function (n) { return short(n.label, 30); });
    node.append('title').text(function (n) { return n.label; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('pictures-data');
    if (!el || typeof d3 === 'undefined') { return; }
    var data = JSON.parse(el.textContent);
    network(data.network);
    timeline(data.timeline);
    sourcing(data.sourcing);
    document.body.setAttribute('data-pictures', 'drawn');
  });
})();
