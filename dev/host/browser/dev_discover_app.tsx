/**
 * `/app/dev-discover`: a deliberately small stand-in for Discover that renders, for a few
 * documents of each index pattern, what plugins registered — doc views as tabs after Table and
 * JSON (when `shouldShow`), doc view links as `<a target="_blank">`, Explore log actions as
 * buttons opening their component with Explore's context (`document` = the row's `_source`).
 */
import React, { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  EuiButton,
  EuiButtonIcon,
  EuiCodeBlock,
  EuiDescriptionList,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiPage,
  EuiPageBody,
  EuiPageHeader,
  EuiPanel,
  EuiSpacer,
  EuiTabbedContent,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { DiscoverSetupStub, DocView, DocViewRenderProps, ExploreSetupStub, Hit, LogActionDefinition } from './discover_registries';

export const DEV_DISCOVER_APP_ID = 'dev-discover';
const HITS_PATH = '/internal/dev-discover/hits';

interface Group {
  indexPattern: string;
  total: number;
  hits: Hit[];
  error?: string;
}

interface Deps {
  http: { get(path: string, options?: { query?: Record<string, unknown> }): Promise<unknown> };
  chrome: { setBreadcrumbs(breadcrumbs: Array<{ text: string }>): void };
  discover: DiscoverSetupStub;
  explore: ExploreSetupStub;
}

function RenderedDocView({ render, props }: { render: NonNullable<DocView['render']>; props: DocViewRenderProps }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => render(ref.current!, props), [render, props]);
  return <div ref={ref} />;
}

function flatten(doc: unknown, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    for (const [k, v] of Object.entries(doc)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, typeof doc === 'string' ? doc : JSON.stringify(doc)]);
  return out;
}

function DocViewer({ hit, indexPattern, deps }: { hit: Hit; indexPattern: string; deps: Deps }) {
  const props: DocViewRenderProps = {
    hit,
    indexPattern: { id: `dev-${indexPattern}`, title: indexPattern },
    columns: ['_source'],
    filter: () => undefined,
    onAddColumn: () => undefined,
    onRemoveColumn: () => undefined,
  };
  const links = deps.discover
    .linksSorted()
    .filter((l) => !(l.generateCb && l.generateCb(props)?.hide))
    .map((l) => ({ label: l.label, href: l.generateCb ? l.generateCb(props).url : l.href }));
  const builtIn = [
    {
      title: 'Table',
      order: 10,
      content: (
        <EuiDescriptionList
          type="column"
          compressed
          listItems={flatten(hit._source).map(([k, v]) => ({ title: <code>{k}</code>, description: <span style={{ overflowWrap: 'anywhere' }}>{v}</span> }))}
        />
      ),
    },
    { title: 'JSON', order: 20, content: <EuiCodeBlock language="json">{JSON.stringify(hit._source, null, 2)}</EuiCodeBlock> },
  ];
  const registered = deps.discover
    .docViewsSorted()
    .filter((v) => v.shouldShow(hit))
    .map((v) => ({
      title: v.title,
      order: v.order,
      content: v.component ? <v.component {...props} /> : v.render ? <RenderedDocView render={v.render} props={props} /> : null,
    }));
  const tabs = [...builtIn, ...registered]
    .sort((a, b) => a.order - b.order)
    .map((t) => ({ id: t.title, name: t.title, 'data-test-subj': `docViewerTab-${t.title}`, content: <div style={{ paddingTop: 8 }}>{t.content}</div> }));
  return (
    <div data-test-subj="docViewer">
      <EuiFlexGroup gutterSize="m" justifyContent="flexEnd" responsive={false}>
        {links.map((l, i) => (
          <EuiFlexItem key={i} grow={false}>
            <EuiLink href={l.href} target="_blank" style={{ fontWeight: 'normal' }} data-test-subj={`docTableRowAction-${i}`}>
              {l.label}
            </EuiLink>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
      <EuiTabbedContent size="s" tabs={tabs} initialSelectedTab={tabs[0]} />
    </div>
  );
}

function LogActions({ hit, indexPattern, row, deps }: { hit: Hit; indexPattern: string; row: number; deps: Deps }) {
  // What Explore's table cell passes (explore/public/components/data_table/table_cell): the row's `_source`.
  const context = { document: hit._source, indexPattern, metadata: { index: row } };
  const actions = deps.explore.getCompatibleActions(context);
  const [open, setOpen] = useState<LogActionDefinition | null>(null);
  if (!actions.length) return null;
  return (
    <div data-test-subj="logActions">
      <EuiText size="xs" color="subdued">
        Explore log actions:
      </EuiText>
      <EuiFlexGroup gutterSize="s" responsive={false}>
        {actions.map((a) => (
          <EuiFlexItem grow={false} key={a.id}>
            <EuiButton size="s" iconType={a.iconType} onClick={() => setOpen(a)} data-test-subj={`logAction-${a.id}`}>
              {a.displayName}
            </EuiButton>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
      {open && (
        <>
          <EuiSpacer size="s" />
          <open.component context={context} action={open} onClose={() => setOpen(null)} onResult={() => undefined} />
        </>
      )}
    </div>
  );
}

function HitRow({ hit, indexPattern, row, deps }: { hit: Hit; indexPattern: string; row: number; deps: Deps }) {
  const [expanded, setExpanded] = useState(false);
  const summary = flatten(hit._source)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  return (
    <div data-test-subj="devDiscoverHit" data-doc-index={hit._index} data-doc-id={hit._id} style={{ borderTop: '1px solid #D3DAE6', padding: '6px 0' }}>
      <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButtonIcon
            iconType={expanded ? 'arrowDown' : 'arrowRight'}
            aria-label="Toggle row details"
            onClick={() => setExpanded(!expanded)}
            data-test-subj="docTableExpandToggleColumn"
          />
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 0 }}>
          <EuiText size="xs">
            <strong>{String(hit._source['@timestamp'] ?? '')}</strong> <code>{hit._index}</code> <code>{hit._id}</code>
          </EuiText>
          <EuiText size="xs" color="subdued" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {summary}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      {expanded && (
        <EuiPanel paddingSize="s" hasShadow={false} hasBorder style={{ marginTop: 6 }}>
          <DocViewer hit={hit} indexPattern={indexPattern} deps={deps} />
          <EuiSpacer size="s" />
          <LogActions hit={hit} indexPattern={indexPattern} row={row} deps={deps} />
        </EuiPanel>
      )}
    </div>
  );
}

function DevDiscoverPage({ deps }: { deps: Deps }) {
  const q = new URLSearchParams(window.location.search).get('q') ?? '';
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    deps.http.get(HITS_PATH, { query: q ? { q } : {} }).then(
      (r) => setGroups((r as { groups: Group[] }).groups),
      (e: Error) => setError(e.message)
    );
  }, [deps, q]);
  return (
    <EuiPage>
      <EuiPageBody data-test-subj="devDiscover">
        <EuiPageHeader
          pageTitle="Discover (dev host stand-in)"
          description="Only here to exercise the Discover and Explore extension points: documents, their registered doc views (tabs), doc view links and Explore log actions."
        />
        <EuiSpacer size="m" />
        <form method="get">
          <EuiFieldSearch name="q" fullWidth defaultValue={q} placeholder="Lucene query, e.g. event.action:GetObject" data-test-subj="devDiscoverQuery" />
        </form>
        <EuiSpacer size="m" />
        {error && <EuiText color="danger">{error}</EuiText>}
        {groups?.map((g) => (
          <React.Fragment key={g.indexPattern}>
            <EuiPanel paddingSize="m" data-test-subj="devDiscoverGroup" data-index-pattern={g.indexPattern}>
              <EuiTitle size="xs">
                <h2>
                  <code>{g.indexPattern}</code> · {g.total} hits{g.total > g.hits.length ? `, newest ${g.hits.length} shown` : ''}
                </h2>
              </EuiTitle>
              {g.error && <EuiText color="danger">{g.error}</EuiText>}
              {g.hits.map((hit, i) => (
                <HitRow key={`${hit._index}/${hit._id}`} hit={hit} indexPattern={g.indexPattern} row={i} deps={deps} />
              ))}
            </EuiPanel>
            <EuiSpacer size="m" />
          </React.Fragment>
        ))}
      </EuiPageBody>
    </EuiPage>
  );
}

export function mountDevDiscover(element: HTMLElement, deps: Deps): () => void {
  deps.chrome.setBreadcrumbs([{ text: 'Discover (dev host stand-in)' }]);
  const root = createRoot(element);
  root.render(<DevDiscoverPage deps={deps} />);
  return () => root.unmount();
}
