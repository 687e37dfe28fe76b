// The explorer: the page's data (render/explorer_html.cpp) drawn with cytoscape.js. The view
// is a pure function of a small state (focus, path, selection, collapsing, a highlighted
// finding) that the URL fragment keeps, so a link shows a colleague the same view.
(function () {
  'use strict';

  performance.mark('explorer-start');
  const DATA = JSON.parse(document.getElementById('es-data').textContent);
  const NODES = DATA.nodes;
  const EDGES = DATA.edges;
  // Above this many nodes plus edges, the first view of a system collapses channels by prefix
  // (then services by group): cytoscape.js draws about 5,000 elements a second here.
  const BUDGET = 2500;
  // dagre's layering is the clearest, but it takes about a second per 150 edges here.
  const DAGRE_EDGES = 150;
  const PATH_STEPS = 200000;
  const DENSE_EDGES = 600;
  const MARK_STRENGTH = { '': 0, cascade: 1, lossy: 2, typo: 3, cycle: 4 };

  const byId = new Map();
  NODES.forEach((n, i) => { n.index = i; byId.set(n.id, i); });
  NODES.forEach((n) => { n.parentIndex = n.parent !== undefined && byId.has(n.parent) ? byId.get(n.parent) : -1; });
  const children = new Map(); // service index -> its function nodes
  NODES.forEach((n) => {
    if (n.parentIndex >= 0) {
      if (!children.has(n.parentIndex)) children.set(n.parentIndex, []);
      children.get(n.parentIndex).push(n.index);
    }
  });
  const hasGroups = NODES.some((n) => n.group);

  // ---- names ------------------------------------------------------------------------------

  // A name's segments: ROS names by '/', Kafka, NATS and AMQP names by '.', MQTT by '/',
  // Redis keys by ':'. A leading '/' stays with the first segment ("/robot1").
  function segments(name) {
    const lead = name.startsWith('/') ? '/' : '';
    const rest = lead ? name.slice(1) : name;
    const parts = rest.split(/[./:]/).filter((p) => p.length > 0);
    if (parts.length) parts[0] = lead + parts[0];
    return parts;
  }
  function separatorAfter(name, count) {
    // the text of the first `count` segments, as written (separators kept)
    let seen = 0;
    for (let i = name.startsWith('/') ? 1 : 0; i < name.length; ++i)
      if ('./:'.includes(name[i]) && i > 0 && !'./:'.includes(name[i - 1])) {
        if (++seen === count) return name.slice(0, i);
      }
    return name;
  }
  function servicePrefix(name) {
    const parts = name.split(/[-_./:]/).filter((p) => p.length > 0);
    return parts.length > 1 ? parts[0] : null;
  }
  // The group a node collapses into under the state's choices, or null.
  function groupKey(n, state) {
    if (n.kind === 'channel') {
      const parts = segments(n.label);
      if (parts.length < 2) return null;
      if (state.cc === 'prefix') return 'group:channel:' + separatorAfter(n.label, 1);
      if (state.cc === 'namespace') return 'group:channel:' + separatorAfter(n.label, parts.length - 1);
      return null;
    }
    const service = n.parentIndex >= 0 ? NODES[n.parentIndex] : n;
    if (service.kind !== 'service') return null;
    if (state.sc === 'group' && service.group) return 'group:service:' + service.group;
    if (state.sc === 'prefix') {
      const prefix = servicePrefix(service.label);
      return prefix ? 'group:service:' + prefix : null;
    }
    return null;
  }

  // ---- the graph at one level of detail -----------------------------------------------------

  // functions: handlers and producing functions drawn inside their service; otherwise each
  // of their edges is the service's (edges inside one service disappear).
  const levels = {};
  function level(functions) {
    const key = functions ? 'f' : 's';
    if (levels[key]) return levels[key];
    const present = [];
    const up = (i) => (functions || NODES[i].parentIndex < 0 ? i : NODES[i].parentIndex);
    NODES.forEach((n) => { if (functions || n.parentIndex < 0) present.push(n.index); });
    const merged = new Map();
    EDGES.forEach((e) => {
      const from = up(e.from), to = up(e.to);
      if (from === to) return;
      const k = from * NODES.length + to;
      const m = merged.get(k);
      if (!m) { merged.set(k, Object.assign({}, e, { from, to, count: 1 })); return; }
      mergeEdge(m, e);
    });
    const edges = Array.from(merged.values());
    const out = new Map(), inc = new Map();
    present.forEach((i) => { out.set(i, []); inc.set(i, []); });
    edges.forEach((e) => { out.get(e.from).push(e.to); inc.get(e.to).push(e.from); });
    levels[key] = { nodes: present, edges, out, inc, functions };
    return levels[key];
  }
  function mergeEdge(m, e) {
    if ((MARK_STRENGTH[e.mark || ''] || 0) > (MARK_STRENGTH[m.mark || ''] || 0)) m.mark = e.mark;
    m.link = m.link && e.link;
    m.messages = Math.max(m.messages || 0, e.messages || 0) || undefined;
    if (e.observation === 'both' || !m.observation) m.observation = e.observation;
    if (!m.reached && e.reached) m.reached = e.reached;
    if (e.labels) m.labels = Array.from(new Set((m.labels || []).concat(e.labels))).sort();
    m.count = (m.count || 1) + (e.count || 1);
  }

  // Where a walk starts from a node: a service drawn with its functions starts from them too.
  function starts(lv, i) {
    const s = [i];
    if (lv.functions && children.has(i)) s.push(...children.get(i));
    return s;
  }
  // Nodes within `depth` hops (-1: any) following `adjacency`, from `from`; a node in `stop`
  // is reached but not walked through.
  function reach(adjacency, from, depth, stop) {
    const dist = new Map();
    const queue = [];
    from.forEach((i) => { if (!dist.has(i)) { dist.set(i, 0); queue.push(i); } });
    for (let q = 0; q < queue.length; ++q) {
      const i = queue[q], d = dist.get(i);
      if (depth >= 0 && d >= depth) continue;
      if (stop && stop.has(i) && d > 0) continue;
      for (const j of adjacency.get(i) || [])
        if (!dist.has(j)) { dist.set(j, d + 1); queue.push(j); }
    }
    return dist;
  }
  // The focus's neighbourhood, up and downstream separately (as `graph --focus` does).
  function neighbourhood(lv, focus, depth, direction) {
    const kept = new Set(starts(lv, focus));
    if (direction !== 'up') reach(lv.out, starts(lv, focus), depth).forEach((d, i) => kept.add(i));
    if (direction !== 'down') reach(lv.inc, starts(lv, focus), depth).forEach((d, i) => kept.add(i));
    return kept;
  }
  // The simple paths from `a` to `b` (no node twice), found depth first through the nodes
  // that can still reach b: their nodes, their edges ("i>j" of level indices), and whether
  // the search saw them all. Which nodes lie on some simple path is NP-complete in a directed
  // graph, so the search stops after PATH_STEPS steps and says so.
  function simplePaths(lv, a, b) {
    const sources = starts(lv, a), targets = new Set(starts(lv, b));
    const towards = reach(lv.inc, Array.from(targets), -1, new Set(sources));
    const nodes = new Set(), edges = new Set();
    const path = [], onPath = new Set();
    let steps = 0, complete = true;
    function walk(i) {
      if (++steps > PATH_STEPS) { complete = false; return; }
      if (targets.has(i) && path.length > 1) {
        path.forEach((k, n) => { nodes.add(k); if (n) edges.add(path[n - 1] + '>' + k); });
        return;
      }
      for (const j of lv.out.get(i) || []) {
        if (onPath.has(j) || !towards.has(j) || sources.includes(j)) continue;
        path.push(j); onPath.add(j);
        walk(j);
        path.pop(); onPath.delete(j);
        if (!complete) return;
      }
    }
    for (const i of sources) {
      if (targets.has(i)) continue;
      path.push(i); onPath.add(i);
      walk(i);
      path.pop(); onPath.delete(i);
    }
    return { nodes, edges, complete };
  }
  // One shortest path from a to b, as node indices (empty: none).
  function shortestPath(lv, a, b) {
    const previous = new Map();
    const queue = starts(lv, a);
    queue.forEach((i) => previous.set(i, -1));
    const goals = new Set(starts(lv, b));
    for (let q = 0; q < queue.length; ++q) {
      const i = queue[q];
      if (goals.has(i)) {
        const path = [];
        for (let k = i; k !== -1; k = previous.get(k)) path.push(k);
        return path.reverse();
      }
      for (const j of lv.out.get(i) || []) if (!previous.has(j)) { previous.set(j, i); queue.push(j); }
    }
    return [];
  }

  // ---- state ------------------------------------------------------------------------------

  function defaultState() {
    return { focus: null, depth: 1, dir: 'both', from: null, to: null, sel: null, cc: 'none', sc: 'none',
             fn: false, x: [], finding: null };
  }
  let state = defaultState();
  let notice = '';

  function stateToFragment(s) {
    const p = new URLSearchParams();
    if (s.focus) { p.set('focus', s.focus); p.set('depth', String(s.depth)); p.set('dir', s.dir); }
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.sel) p.set('sel', s.sel);
    p.set('cc', s.cc);
    p.set('sc', s.sc);
    if (s.fn) p.set('fn', '1');
    if (s.x.length) p.set('x', s.x.join('|'));
    if (s.finding !== null) p.set('finding', String(s.finding));
    return p.toString();
  }
  function stateFromFragment(fragment) {
    const p = new URLSearchParams(fragment);
    const s = defaultState();
    const node = (k) => (p.has(k) && byId.has(p.get(k)) ? p.get(k) : null);
    s.focus = node('focus');
    s.depth = p.has('depth') ? parseInt(p.get('depth'), 10) : 1;
    if (!Number.isFinite(s.depth) || s.depth < -1) s.depth = 1;
    s.dir = ['up', 'down', 'both'].includes(p.get('dir')) ? p.get('dir') : 'both';
    s.from = node('from');
    s.to = node('to');
    s.sel = node('sel') || (p.get('sel') && p.get('sel').startsWith('group:') ? p.get('sel') : null);
    s.cc = ['none', 'prefix', 'namespace'].includes(p.get('cc')) ? p.get('cc') : 'none';
    s.sc = ['none', 'group', 'prefix'].includes(p.get('sc')) ? p.get('sc') : 'none';
    s.fn = p.get('fn') === '1';
    s.x = p.has('x') ? p.get('x').split('|').filter((g) => g.startsWith('group:')) : [];
    const f = p.has('finding') ? parseInt(p.get('finding'), 10) : NaN;
    s.finding = Number.isInteger(f) && f >= 0 && f < DATA.findings.length ? f : null;
    return s;
  }
  // The first view when the link says nothing: the CLI's --focus/--depth, and for a large
  // system its channels (then services) collapsed.
  function initialState() {
    const s = defaultState();
    const initial = DATA.initial || {};
    if (initial.focus) {
      const id = byId.has('service:' + initial.focus) ? 'service:' + initial.focus
               : byId.has('channel:' + initial.focus) ? 'channel:' + initial.focus : null;
      if (id) { s.focus = id; s.depth = initial.depth >= 0 ? initial.depth : -1; s.sel = id; }
    }
    const size = (st) => { const v = computeView(st); return v.nodes.length + v.edges.length; };
    if (!s.focus && level(false).nodes.length + level(false).edges.length > BUDGET) {
      const tried = [];
      s.cc = 'prefix';
      tried.push('channels by prefix');
      // with groups, and far over the budget, both at once (each try costs a pass over the graph)
      const far = level(false).nodes.length + level(false).edges.length > 4 * BUDGET;
      if (hasGroups && (far || size(s) > BUDGET)) { s.sc = 'group'; tried.push('services by group'); }
      if (size(s) > BUDGET && !hasGroups) { s.sc = 'prefix'; tried.push('services by name prefix'); }
      notice = 'A large system (' + count('service') + ' services, ' + count('channel') + ' channels): ' +
        tried.join(' and ') + ' are collapsed. Double-click a group to expand it, or search.';
    }
    return s;
  }
  function count(kind) { return NODES.filter((n) => n.kind === kind).length; }

  // ---- the view ---------------------------------------------------------------------------

  // What to draw: nodes (ids, some of them groups) and merged edges, with marks for what is
  // highlighted. Pure: the same state gives the same view.
  function computeView(s) {
    const lv = level(s.fn);
    const levelIndex = (id) => {
      if (!byId.has(id)) return -1;
      const i = byId.get(id);
      return s.fn || NODES[i].parentIndex < 0 ? i : NODES[i].parentIndex;
    };
    let kept = null; // null: every node of the level
    const pinned = new Set(); // drawn on their own even inside a collapsed group
    const highlighted = new Set();
    let path = [];
    let litEdges = null; // with a path: exactly its edges
    let pathComplete = true;
    if (s.focus && levelIndex(s.focus) >= 0) {
      const f = levelIndex(s.focus);
      kept = neighbourhood(lv, f, s.depth, s.dir);
      if (kept.size <= BUDGET / 4) kept.forEach((i) => pinned.add(i));
      pinned.add(f);
      highlighted.add(f);
    }
    if (s.from && s.to) {
      const a = levelIndex(s.from), b = levelIndex(s.to);
      if (a >= 0 && b >= 0) {
        const found = simplePaths(lv, a, b);
        found.nodes.forEach((i) => { pinned.add(i); highlighted.add(i); });
        litEdges = found.edges;
        pathComplete = found.complete;
        path = shortestPath(lv, a, b);
        if (kept) found.nodes.forEach((i) => kept.add(i));
      }
    }
    if (s.finding !== null) {
      DATA.findings[s.finding].nodes.forEach((i) => {
        const j = s.fn || NODES[i].parentIndex < 0 ? i : NODES[i].parentIndex;
        pinned.add(j);
        highlighted.add(j);
        if (kept) kept.add(j);
      });
    }
    if (s.sel && levelIndex(s.sel) >= 0) {
      pinned.add(levelIndex(s.sel));
      if (kept) kept.add(levelIndex(s.sel));
    }
    if (kept && s.fn) // a function drawn needs its service around it
      Array.from(kept).forEach((i) => { if (NODES[i].parentIndex >= 0) kept.add(NODES[i].parentIndex); });

    const members = new Map(); // group id -> node indices
    const present = kept ? lv.nodes.filter((i) => kept.has(i)) : lv.nodes;
    present.forEach((i) => {
      const g = groupKey(NODES[i], s);
      if (g) { if (!members.has(g)) members.set(g, []); members.get(g).push(i); }
    });
    const expanded = new Set(s.x);
    const rep = new Map();
    present.forEach((i) => {
      const g = groupKey(NODES[i], s);
      const collapsed = g && !expanded.has(g) && members.get(g).length > 1 && !pinned.has(i);
      rep.set(i, collapsed ? g : NODES[i].id);
    });
    const nodes = new Map(); // id -> drawn node
    present.forEach((i) => {
      const id = rep.get(i);
      if (id.startsWith('group:')) {
        if (!nodes.has(id)) nodes.set(id, { id, group: true, members: [] });
        nodes.get(id).members.push(i);
      } else {
        nodes.set(id, { id, index: i });
      }
    });
    const edges = new Map();
    const presentSet = new Set(present);
    lv.edges.forEach((e) => {
      if (!presentSet.has(e.from) || !presentSet.has(e.to)) return;
      const from = rep.get(e.from), to = rep.get(e.to);
      if (from === to) return;
      const k = from + '>' + to;
      const lit = litEdges ? litEdges.has(e.from + '>' + e.to) : highlighted.has(e.from) && highlighted.has(e.to);
      const m = edges.get(k);
      if (!m) edges.set(k, Object.assign({}, e, { source: from, target: to, lit, count: e.count || 1 }));
      else { mergeEdge(m, e); m.lit = m.lit || lit; }
    });
    const lit = new Set();
    highlighted.forEach((i) => { if (rep.has(i)) lit.add(rep.get(i)); });
    return { nodes: Array.from(nodes.values()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
             edges: Array.from(edges.values()).sort((a, b) => (a.source + '>' + a.target < b.source + '>' + b.target ? -1 : 1)),
             highlighted: lit, fading: lit.size > 0 && (s.finding !== null || (s.from && s.to)), path, pathComplete };
  }

  // ---- drawing ----------------------------------------------------------------------------

  const STYLE = [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center',
      'text-wrap': 'ellipsis', 'text-max-width': '230px', width: (n) => Math.max(40, Math.min(240, 7 * String(n.data('label')).length + 12)), height: 22,
      'min-zoomed-font-size': 6, 'border-width': 1 } },
    { selector: 'node[kind = "service"]', style: { shape: 'round-rectangle', 'background-color': '#e8f0fe', 'border-color': '#1a73e8' } },
    { selector: 'node[kind = "channel"]', style: { shape: 'ellipse', 'background-color': '#ffffff', 'border-color': '#5f6368' } },
    { selector: 'node[kind = "function"]', style: { shape: 'round-rectangle', 'background-color': '#ffffff', 'border-color': '#9aa0a6', 'font-size': 10 } },
    { selector: 'node[kind = "unresolved"]', style: { shape: 'round-rectangle', 'background-color': '#ffffff', 'border-color': '#d93025', 'border-style': 'dashed', 'font-size': 10 } },
    { selector: 'node[kind = "group"]', style: { shape: 'round-hexagon', 'background-color': '#fef7e0', 'border-color': '#e37400', 'border-width': 2 } },
    { selector: ':parent', style: { 'text-valign': 'top', 'background-color': '#f3f6fc', 'border-color': '#8ab4f8', 'background-opacity': 1 } },
    { selector: 'node[?orphan]', style: { 'border-style': 'dashed' } },
    { selector: 'node[?observedOnly]', style: { 'border-color': '#8e24aa', color: '#8e24aa', 'border-style': 'dashed' } },
    { selector: 'node[?finding]', style: { 'border-color': '#d93025', 'border-width': 2 } },
    { selector: 'edge', style: { width: 1.2, 'line-color': '#9aa0a6', 'target-arrow-color': '#9aa0a6', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', 'arrow-scale': 0.8 } },
    // many edges at once: straight lines without arrows, which cytoscape draws several times faster
    { selector: 'edge.dense', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
    { selector: 'edge[count > 1]', style: { width: 'mapData(count, 1, 60, 1.2, 7)', 'line-opacity': 0.7 } },
    { selector: 'edge[label]', style: { label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8,
      color: '#5f6368', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
    { selector: 'edge[?link]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[mark = "cycle"]', style: { 'line-color': '#d93025', 'target-arrow-color': '#d93025', width: 2.5 } },
    { selector: 'edge[mark = "cascade"]', style: { 'line-color': '#f29900', 'target-arrow-color': '#f29900', width: 2 } },
    { selector: 'edge[mark = "typo"]', style: { 'line-color': '#d93025', 'target-arrow-color': '#d93025', 'line-style': 'dashed' } },
    { selector: 'edge[mark = "lossy"]', style: { 'line-color': '#d93025', 'target-arrow-color': '#d93025', 'line-style': 'dashed', width: 2 } },
    { selector: 'edge[observation = "unobserved"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[observation = "observed-only"]', style: { 'line-color': '#8e24aa', 'target-arrow-color': '#8e24aa', width: 2 } },
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: 'node.lit', style: { 'border-color': '#188038', 'border-width': 3, 'background-color': '#e6f4ea' } },
    { selector: 'edge.lit', style: { 'line-color': '#188038', 'target-arrow-color': '#188038', width: 3 } },
    { selector: 'node:selected', style: { 'overlay-color': '#1a73e8', 'overlay-opacity': 0.2, 'overlay-padding': 4 } },
  ];

  // Outlined red: nodes a finding about the graph touches (not the reading of the code:
  // a file read in part, a call whose channel is unknown).
  const findingNodes = new Set();
  DATA.findings.forEach((f) => {
    if (f.rule !== 'analysis-incomplete' && f.rule !== 'unresolved-channel') f.nodes.forEach((i) => findingNodes.add(i));
  });

  let cy = null;
  function elementsOf(view) {
    const elements = [];
    view.nodes.forEach((v) => {
      if (v.group) {
        const id = v.id;
        const isChannel = id.startsWith('group:channel:');
        const name = id.replace(/^group:(channel|service):/, '');
        const counted = v.members.filter((i) => NODES[i].kind === (isChannel ? 'channel' : 'service')).length;
        const label = isChannel ? name + '… (' + counted + ' channels)' : name + ' (' + counted + (counted === 1 ? ' service)' : ' services)');
        elements.push({ group: 'nodes', data: { id, label, kind: 'group', finding: v.members.some((i) => findingNodes.has(i)) },
                        classes: view.highlighted.has(id) ? 'lit' : view.fading ? 'faded' : '' });
        return;
      }
      const n = NODES[v.index];
      const data = { id: n.id, label: n.label, kind: n.kind, orphan: !!n.orphan, observedOnly: !!n.observedOnly,
                     finding: findingNodes.has(n.index) };
      if (state.fn && n.parentIndex >= 0) data.parent = NODES[n.parentIndex].id;
      elements.push({ group: 'nodes', data, classes: view.highlighted.has(n.id) ? 'lit' : view.fading ? 'faded' : '' });
    });
    view.edges.forEach((e) => {
      const data = { id: e.source + '>' + e.target, source: e.source, target: e.target, link: !!e.link, count: e.count || 1 };
      if (e.mark) data.mark = e.mark;
      if (e.observation) data.observation = e.observation;
      const label = [];
      if (e.mark === 'typo') label.push('did you mean?');
      if (e.reached) label.push(e.reached);
      else if (e.messages) label.push(e.messages + ' msgs');
      else if (e.observation === 'unobserved') label.push('unobserved');
      if (label.length) data.label = label.join(', ');
      elements.push({ group: 'edges', data, classes: (e.lit ? 'lit' : view.fading ? 'faded' : '') + (view.edges.length > DENSE_EDGES ? ' dense' : '') });
    });
    return elements;
  }

  let view = null;
  let drawnKey = '';
  // Redraws when what is drawn changed; a change of selection alone only updates the panel.
  function render(options) {
    performance.mark('explorer-view-start');
    view = computeView(state);
    performance.mark('explorer-view-end');
    const key = JSON.stringify([view.nodes.map((n) => n.id), view.edges.map((e) => e.source + '>' + e.target + (e.lit ? '*' : '')),
                                Array.from(view.highlighted), view.fading, state.fn]);
    if (key !== drawnKey || (options && options.force)) {
      drawnKey = key;
      const elements = elementsOf(view);
      performance.mark('explorer-draw-start');
      cy.startBatch();
      cy.elements().remove();
      cy.add(elements);
      cy.endBatch();
      const roots = cy.nodes().filter((n) => n.indegree(false) === 0 && !n.isParent());
      // Layered, top to bottom: dagre for a small view, cytoscape's breadth-first layering for
      // a larger one.
      // The whole system, or a large part of it, where Graphviz's positions are known: as the
      // SVG draws it, nodes where they were.
      const posKey = state.fn ? 'fpos' : 'pos';
      const placed = view.nodes.every((v) => !v.group && NODES[v.index][posKey]);
      const whole = view.nodes.length === level(state.fn).nodes.length;
      const small = view.edges.length <= DAGRE_EDGES && view.nodes.length <= 2 * DAGRE_EDGES;
      // An overview of groups is dense (every team talks to every domain): services in the
      // middle, channels around them.
      const grouped = view.nodes.some((v) => v.group) && !small;
      const layout = grouped
        ? cy.layout({ name: 'concentric', animate: false, minNodeSpacing: 12, avoidOverlap: true,
                      concentric: (n) => (n.id().startsWith('group:service:') || n.data('kind') === 'service' ? 2 : 1),
                      levelWidth: () => 1 })
        : placed && (whole || !small)
        ? cy.layout({ name: 'preset', positions: (n) => { const p = NODES[byId.get(n.id())][posKey]; return { x: p[0], y: p[1] }; } })
        : small
        ? cy.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 14, rankSep: 40, edgeSep: 8, animate: false,
                      nodeDimensionsIncludeLabels: true })
        : cy.layout({ name: 'breadthfirst', directed: true, animate: false, spacingFactor: 1, avoidOverlap: view.nodes.length <= 1500,
                      roots: roots.length ? roots : undefined });
      performance.mark('explorer-layout-start');
      layout.run();
      performance.mark('explorer-layout-end');
      cy.fit(undefined, 30);
      // a path or a finding: brought into view, not left as a speck in the whole system
      if (view.fading && cy.elements('.lit').length) cy.fit(cy.elements('.lit'), 60);
    }
    cy.nodes().unselect();
    if (state.sel) {
      const shown = drawnIdOf(state.sel);
      if (shown) cy.getElementById(shown).select();
    }
    writeFragment();
    renderStatus();
    renderFindings();
    renderDetails();
    syncControls();
  }
  function drawnIdOf(id) {
    if (id && cy.getElementById(id).length) return id;
    if (!id || !byId.has(id)) return null;
    const n = NODES[byId.get(id)];
    if (n.parentIndex >= 0 && !state.fn && cy.getElementById(NODES[n.parentIndex].id).length) return NODES[n.parentIndex].id;
    const g = groupKey(n.parentIndex >= 0 && !state.fn ? NODES[n.parentIndex] : n, state);
    return g && cy.getElementById(g).length ? g : null;
  }

  let writing = false;
  function writeFragment() {
    const fragment = stateToFragment(state);
    if (location.hash.slice(1) !== fragment) {
      writing = true;
      history.replaceState(null, '', '#' + fragment);
      writing = false;
    }
  }

  // ---- panels -----------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);
  function el(tag, attributes, ...content) {
    const e = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (k === 'onclick') e.addEventListener('click', v);
      else if (v !== undefined && v !== null) e.setAttribute(k, v);
    });
    content.flat().forEach((c) => { if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c)); });
    return e;
  }
  function placeText(at) {
    if (!at || !at[0]) return '';
    if (at[3]) return at[0] + '#' + at[3];
    return at[0] + (at[1] ? ':' + at[1] + (at[2] ? ':' + at[2] : '') : '');
  }
  // A link to a place in the code or a contract: through the user's URL template, or the
  // path relative to this page.
  function placeLink(at) {
    if (!at || !at[0]) return el('span', { class: 'muted' }, 'no location');
    let href;
    if (DATA.sourceUrl) {
      href = DATA.sourceUrl.split('{path}').join(at[0].split('/').map(encodeURIComponent).join('/'))
        .split('{line}').join(String(at[1] || 1));
    } else {
      href = (DATA.root ? DATA.root.replace(/\/$/, '') + '/' : '') + at[0].split('/').map(encodeURIComponent).join('/');
      if (at[3]) href += '#' + at[3];
    }
    return el('a', { href, target: '_blank', rel: 'noopener', class: 'place' }, el('code', {}, placeText(at)));
  }
  function nodeLink(id, text) {
    return el('a', { class: 'node-link', 'data-node': id, onclick: (ev) => { ev.preventDefault(); select(id, true); } },
              text || (byId.has(id) ? NODES[byId.get(id)].label : id));
  }

  function renderStatus() {
    const status = $('status');
    status.textContent = '';
    const parts = [];
    if (state.focus) {
      const hops = state.depth < 0 ? 'all hops' : state.depth + (state.depth === 1 ? ' hop' : ' hops');
      const dir = state.dir === 'both' ? 'up and downstream' : state.dir === 'up' ? 'upstream' : 'downstream';
      parts.push(el('span', { id: 'status-focus' }, 'Focus: ', nodeLink(state.focus), ', ' + hops + ' ' + dir + '.'),
                 el('button', { type: 'button', id: 'clear-focus', onclick: () => update({ focus: null }) }, 'Clear focus'));
    }
    if (state.from && state.to) {
      const steps = view.path.map((i) => NODES[i].label);
      parts.push(el('span', { id: 'status-path' }, ' Path from ', nodeLink(state.from), ' to ', nodeLink(state.to), ': ',
                    steps.length ? steps.join(' \u2192 ') : 'none (nothing leads from the one to the other)',
                    view.pathComplete ? '' : ' (too many paths to follow them all: those found in ' + PATH_STEPS + ' steps are highlighted)'),
                 el('button', { type: 'button', id: 'clear-path', onclick: () => update({ from: null, to: null }) }, 'Clear path'));
    } else if (state.from) {
      parts.push(el('span', { id: 'status-path' }, ' Path from ', nodeLink(state.from), ': select another node and choose "Path to here".'));
    }
    if (state.finding !== null) {
      const f = DATA.findings[state.finding];
      parts.push(el('span', { id: 'status-finding' }, ' Finding: ' + f.rule + ' at ' + placeText(f.at) + '.' +
                    (f.nodes.length ? '' : ' It is about no service or channel of the graph.')),
                 el('button', { type: 'button', id: 'clear-finding', onclick: () => update({ finding: null }) }, 'Clear'));
    }
    if (!parts.length && notice) parts.push(el('span', { id: 'notice' }, notice));
    parts.forEach((p) => status.append(p, ' '));
  }

  function renderFindings() {
    const list = $('findings');
    if (list.childElementCount !== DATA.findings.length) {
      list.textContent = '';
      DATA.findings.forEach((f, i) => {
        list.append(el('li', { 'data-finding': i, class: 'sev-' + f.severity,
                               onclick: () => update({ finding: state.finding === i ? null : i, from: null, to: null }) },
                       el('strong', {}, f.rule), ' ', el('span', { class: 'msg' }, f.message), ' ', placeLink(f.at)));
      });
      // a finding's file link opens the file, without toggling the finding
      list.querySelectorAll('a.place').forEach((a) => a.addEventListener('click', (ev) => ev.stopPropagation()));
      $('finding-count').textContent = '(' + DATA.findings.length + ')';
    }
    Array.from(list.children).forEach((li, i) => li.classList.toggle('active', state.finding === i));
  }

  // One row per place: ROS launches the same code as several nodes, each an endpoint.
  function distinctSites(endpoints) {
    const rows = new Map();
    endpoints.forEach((e) => {
      const key = JSON.stringify([e.service, e.channel, e.role, e.at, e.function, e.handler, e.api, e.type, e.value, e.origin]);
      if (!rows.has(key)) rows.set(key, Object.assign({}, e, { nodes: [] }));
      if (e.node) rows.get(key).nodes.push(e.node);
    });
    return Array.from(rows.values());
  }
  function endpointItem(e, other) {
    const bits = [other === 'channel' ? nodeLink('channel:' + e.channel, e.channel) : nodeLink('service:' + e.service, e.service)];
    const fn = e.role === 'consume' || e.role === 'serve' ? e.handler || e.function : e.function;
    if (e.role === 'serve' || e.role === 'call') bits.push(el('span', { class: 'muted' }, ' ' + (e.role === 'serve' ? 'serves' : 'calls') + ' the ' + (e.kind || 'service')));
    if (fn) bits.push(' \u00b7 ', el('code', {}, fn));
    bits.push(' \u00b7 ', placeLink(e.at));
    if (e.api && e.api !== e.origin) bits.push(el('span', { class: 'muted' }, ' ' + e.api));
    if (e.type) bits.push(el('span', { class: 'muted' }, ' \u00b7 type ' + e.type));
    if (e.value) bits.push(el('span', { class: 'muted' }, ' \u00b7 ' + e.value + (e.setting ? ' of ' + e.setting : '')));
    if (e.nameInCode) bits.push(el('span', { class: 'muted' }, ' \u00b7 in code: ' + e.nameInCode));
    if (e.origin !== 'code') bits.push(el('span', { class: 'muted' }, ' \u00b7 ' + e.origin));
    if (e.nodes && e.nodes.length)
      bits.push(el('span', { class: 'muted' }, ' \u00b7 in node' + (e.nodes.length > 1 ? 's ' : ' ') + Array.from(new Set(e.nodes)).sort().join(', ')));
    return el('li', {}, bits);
  }
  function section(title, items, empty) {
    const s = [el('h3', {}, title)];
    s.push(items.length ? el('ul', {}, items) : el('p', { class: 'muted' }, empty || 'none'));
    return s;
  }
  function findingItems(indices) {
    return indices.map((i) => el('li', { class: 'sev-' + DATA.findings[i].severity },
      el('a', { class: 'node-link', onclick: () => update({ finding: i, from: null, to: null }) }, DATA.findings[i].rule), ' ',
      DATA.findings[i].message, ' ', placeLink(DATA.findings[i].at)));
  }
  function focusActions(id) {
    const depth = el('input', { type: 'number', min: '0', value: String(state.focus === id ? Math.max(state.depth, 0) : 1), id: 'focus-depth', 'aria-label': 'hops' });
    const dir = el('select', { id: 'focus-direction', 'aria-label': 'direction' },
      ['both', 'down', 'up'].map((d) => el('option', { value: d }, d === 'both' ? 'up and downstream' : d === 'up' ? 'upstream' : 'downstream')));
    dir.value = state.focus === id ? state.dir : 'both';
    return el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'focus-button', onclick: () => {
        const d = parseInt(depth.value, 10);
        update({ focus: id, depth: Number.isFinite(d) && d >= 0 ? d : 1, dir: dir.value, finding: null });
      } }, 'Focus'), depth, 'hops', dir,
      el('button', { type: 'button', id: 'path-from', onclick: () => update({ from: id, to: state.to === id ? null : state.to, finding: null }) }, 'Path from here'),
      el('button', { type: 'button', id: 'path-to', onclick: () => update({ to: id, from: state.from === id ? null : state.from, finding: null }) }, 'Path to here'));
  }

  function renderDetails() {
    const panel = $('details');
    panel.textContent = '';
    const id = state.sel;
    if (!id) {
      panel.append(el('p', { class: 'hint' }, 'Select a node to see its producers, consumers, contracts and findings. Double-click a group to expand it.'));
      return;
    }
    if (id.startsWith('group:')) {
      const v = view.nodes.find((n) => n.id === id);
      const members = v ? v.members : [];
      panel.append(el('h2', {}, 'Group ' + id.replace(/^group:(channel|service):/, '')),
        el('div', { class: 'actions' }, el('button', { type: 'button', id: 'expand-group', onclick: () => expand(id) }, 'Expand')),
        ...section('Members', members.map((i) => el('li', {}, nodeLink(NODES[i].id)))));
      return;
    }
    const n = NODES[byId.get(id)];
    panel.append(el('h2', {}, n.kind + ' ', el('code', {}, n.label)));
    if (n.group) panel.append(el('p', { class: 'muted' }, 'group ' + n.group));
    if (n.page) panel.append(el('p', {}, el('a', { href: n.page, id: 'catalog-page' }, 'Its page in the catalog')));
    const nodeFindings = DATA.findings.map((f, i) => (f.nodes.includes(n.index) ? i : -1)).filter((i) => i >= 0);
    if (n.kind === 'channel') {
      const eps = DATA.endpoints.filter((e) => e.channel === n.label);
      const producing = eps.filter((e) => e.role === 'produce' || e.role === 'call');
      const consuming = eps.filter((e) => e.role === 'consume' || e.role === 'serve');
      const types = Array.from(new Set(eps.filter((e) => e.type).map((e) => e.type))).sort();
      const kinds = Array.from(new Set(eps.map((e) => e.kind || 'topic')));
      panel.append(el('p', { class: 'muted' }, kinds.join(', ') + (types.length ? ' \u00b7 message type ' + types.join(', ') : '')));
      panel.append(focusActions(id));
      panel.append(...section('Produced by', distinctSites(producing).map((e) => endpointItem(e, 'service'))));
      panel.append(...section('Consumed by', distinctSites(consuming).map((e) => endpointItem(e, 'service'))));
      panel.append(...section('In contracts and manifests', distinctSites(eps.filter((e) => e.origin !== 'code')).map((e) => endpointItem(e, 'service'))));
      const linked = EDGES.filter((e) => e.link && (e.from === n.index || e.to === n.index))
        .map((e) => NODES[e.from === n.index ? e.to : e.from].id);
      if (linked.length) panel.append(...section('Linked by a parameter or wildcard', linked.map((l) => el('li', {}, nodeLink(l)))));
      observedSection(panel, (o) => o.channel === n.label, 'service');
    } else if (n.kind === 'service') {
      const eps = DATA.endpoints.filter((e) => e.service === n.label);
      panel.append(focusActions(id));
      panel.append(...section('Produces', distinctSites(eps.filter((e) => e.role === 'produce' || e.role === 'call')).map((e) => endpointItem(e, 'channel'))));
      panel.append(...section('Consumes', distinctSites(eps.filter((e) => e.role === 'consume' || e.role === 'serve')).map((e) => endpointItem(e, 'channel'))));
      triggerSection(panel, (t) => t.service === n.label);
      const unresolved = DATA.unresolved.filter((u) => u.service === n.label);
      if (unresolved.length)
        panel.append(...section('Calls whose channel is unknown', unresolved.map((u) => el('li', {}, placeLink(u.at), ' ', u.api, el('span', { class: 'muted' }, ' \u00b7 ' + u.reason)))));
      observedSection(panel, (o) => o.service === n.label, 'channel');
    } else {
      const service = NODES[n.parentIndex];
      const name = n.id.slice(('function:' + service.label + ':').length);
      panel.append(el('p', {}, 'in ', nodeLink(service.id)));
      panel.append(focusActions(id));
      const eps = DATA.endpoints.filter((e) => e.service === service.label && (e.function === name || e.handler === name));
      panel.append(...section('Endpoints', distinctSites(eps).map((e) => endpointItem(e, 'channel'))));
      triggerSection(panel, (t) => t.service === service.label && (t.via || []).includes(name));
    }
    panel.append(...section('Findings', findingItems(nodeFindings)));
  }
  // Consuming one channel leads to producing another: the chain of functions, and where.
  function triggerSection(panel, which) {
    const triggers = (DATA.triggers || []).filter(which);
    if (!triggers.length) return;
    panel.append(...section('Triggers: consuming leads to producing', triggers.map((t) => el('li', {},
      nodeLink('channel:' + t.from, t.from), ' \u2192 ', nodeLink('channel:' + t.to, t.to),
      t.via ? el('span', { class: 'muted' }, ' via ' + t.via.join(' \u2192 ')) : null, ' ', placeLink(t.at)))));
  }
  function observedSection(panel, which, other) {
    if (!DATA.observed) return;
    const eps = DATA.observed.endpoints.filter(which);
    const deliveries = DATA.observed.deliveries.filter(which);
    panel.append(...section('Observed in traces', eps.map((o) => el('li', {},
      other === 'channel' ? nodeLink('channel:' + o.channel, o.channel) : nodeLink('service:' + o.service, o.service),
      ' ' + o.role + (o.group ? ' (group ' + o.group + ')' : '') + ': ' + o.messages + ' messages, ' + o.spans + ' spans')), 'nothing'));
    if (deliveries.length)
      panel.append(...section('Deliveries', deliveries.map((d) => el('li', {},
        nodeLink('service:' + d.service, d.service), ' reached ' + d.reached + ' of ' + d.produced + ' messages on ', nodeLink('channel:' + d.channel, d.channel)))));
  }

  function syncControls() {
    $('collapse-channels').value = state.cc;
    $('collapse-services').value = state.sc;
    $('functions').checked = state.fn;
    $('collapse-services').querySelector('option[value="group"]').disabled = !hasGroups;
  }

  // ---- actions ----------------------------------------------------------------------------

  function update(changes) {
    state = Object.assign({}, state, changes);
    render();
  }
  // Selects a node: shown on its own (its group opened for it), centred, its details shown.
  // A node outside the focus moves the focus to it.
  function select(id, centre) {
    const changes = { sel: id };
    // outside the focus: neither drawn in the current view nor inside one of its groups
    if (state.focus && byId.has(id) && !view.nodes.some((v) => v.id === id || (v.members && v.members.includes(byId.get(id)))))
      changes.focus = id;
    update(changes);
    if (centre) { // brought into view when it is not, at a zoom where its name can be read
      const shown = drawnIdOf(id);
      const node = shown && cy.getElementById(shown);
      const p = node && node.renderedPosition();
      if (node && (cy.zoom() < 0.6 || p.x < 40 || p.y < 40 || p.x > cy.width() - 40 || p.y > cy.height() - 40))
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
    }
  }
  function expand(groupId) {
    update({ x: Array.from(new Set(state.x.concat([groupId]))).sort(), sel: null });
  }

  // ---- search -----------------------------------------------------------------------------

  // Fuse.js's index, built at the first search (not while the page loads).
  let fuse = null;
  function searcher() {
    if (!fuse)
      fuse = new Fuse(NODES.map((n) => ({ id: n.id, label: n.label, kind: n.kind })),
                      { keys: ['label'], threshold: 0.5, ignoreLocation: true, includeScore: true });
    return fuse;
  }
  let results = [];
  let searched = '';
  let active = 0;
  function showResults() {
    const list = $('search-results');
    list.textContent = '';
    results.forEach((r, i) => list.append(el('li', { role: 'option', 'data-node': r.item.id, class: i === active ? 'active' : '',
      onclick: () => choose(i) }, el('span', { class: 'kind' }, r.item.kind), el('span', {}, r.item.label))));
    if (!results.length && searched) list.append(el('li', { class: 'muted', id: 'no-match' }, 'No match'));
    list.hidden = !searched;
  }
  function choose(i) {
    const r = results[i];
    if (!r) return;
    searched = '';
    $('search-results').hidden = true;
    $('search').value = r.item.label;
    select(r.item.id, true);
  }
  function search(text) {
    // ties broken by name, so the list is the same on every machine
    // services and channels before functions of about the same score
    const rank = (r) => r.score + (r.item.kind === 'function' || r.item.kind === 'unresolved' ? 0.15 : 0);
    results = text.trim() ? searcher().search(text.trim(), { limit: 100 })
      .sort((a, b) => rank(a) - rank(b) || (a.item.label < b.item.label ? -1 : a.item.label > b.item.label ? 1 : 0)).slice(0, 12) : [];
    searched = text.trim();
    active = 0;
    showResults();
  }

  // ---- start ------------------------------------------------------------------------------

  function start() {
    cy = cytoscape({ container: $('graph'), style: STYLE, minZoom: 0.05, maxZoom: 4,
                     boxSelectionEnabled: false, selectionType: 'single', hideEdgesOnViewport: true, textureOnViewport: true });
    cy.on('tap', 'node', (ev) => update({ sel: ev.target.id() }));
    cy.on('dbltap', 'node', (ev) => { if (ev.target.id().startsWith('group:')) expand(ev.target.id()); });
    $('search').addEventListener('input', (ev) => search(ev.target.value));
    $('search').addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown') { active = Math.min(active + 1, results.length - 1); showResults(); ev.preventDefault(); }
      else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); showResults(); ev.preventDefault(); }
      else if (ev.key === 'Enter') { choose(active); ev.preventDefault(); }
      else if (ev.key === 'Escape') { $('search-results').hidden = true; }
    });
    $('collapse-channels').addEventListener('change', (ev) => update({ cc: ev.target.value, x: [] }));
    $('collapse-services').addEventListener('change', (ev) => update({ sc: ev.target.value, x: [] }));
    $('functions').addEventListener('change', (ev) => update({ fn: ev.target.checked }));
    $('reset').addEventListener('click', () => { state = Object.assign(defaultState(), { cc: state.cc, sc: state.sc, fn: state.fn }); render(); });
    $('zoom-in').addEventListener('click', () => cy.zoom({ level: cy.zoom() * 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
    $('zoom-out').addEventListener('click', () => cy.zoom({ level: cy.zoom() / 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
    $('zoom-fit').addEventListener('click', () => cy.fit(undefined, 30));
    window.addEventListener('hashchange', () => { if (!writing) { state = stateFromFragment(location.hash.slice(1)); render(); } });
    performance.mark('explorer-initial-start');
    state = location.hash.length > 1 ? stateFromFragment(location.hash.slice(1)) : initialState();
    if (!NODES.length)
      notice = 'Nothing to draw: eventscope found no service and no channel in this system.';
    render();
    // For tests and scripts: what is drawn, read-only.
    window.explorer = {
      state: () => JSON.parse(JSON.stringify(state)),
      drawnNodes: () => cy.nodes().map((n) => n.id()).sort(),
      drawnEdges: () => cy.edges().map((e) => e.id()).sort(),
      highlightedNodes: () => cy.nodes('.lit').map((n) => n.id()).sort(),
      highlightedEdges: () => cy.edges('.lit').map((e) => e.id()).sort(),
      edgeLabels: () => cy.edges('[label]').map((e) => e.data('label')).sort(),
      // each drawn node's box in model coordinates, and its parent (a service around functions)
      boxes: () => cy.nodes().map((n) => ({ id: n.id(), parent: n.isChild() ? n.parent().id() : null, box: n.boundingBox() })),
      selected: () => cy.nodes(':selected').map((n) => n.id()),
      // where a drawn node is on the page, in CSS pixels (for a test to click it)
      pagePosition: (id) => {
        if (!cy.getElementById(id).length) return null;
        const p = cy.getElementById(id).renderedPosition(), box = $('graph').getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      ready: true,
    };
    document.body.setAttribute('data-ready', '1');
  }
  start();
})();
