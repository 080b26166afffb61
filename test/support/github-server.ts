import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';

/**
 * A stand-in for the GitHub REST API on 127.0.0.1, for tests with a real octokit: in-memory
 * state, the endpoints spinwash uses, real pagination (`Link`), real `sha` checks on the
 * contents API, and failures that tests switch on (403, 409, 429 with retry-after, 5xx, a
 * request never answered, an answer that stops half-way).
 * Started and stopped by each test file; nothing here touches the network.
 */

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

interface Blob {
  sha: string;
  content: Buffer;
}

export interface FakeCommit {
  sha: string;
  parents: string[];
  message: string;
  files: Map<string, Blob>;
}

export interface Failure {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /**
   * `hang`: never answers (the connection stays open); `stall`: sends the status, the headers
   * and half of the body, then nothing more. `status` is what the headers say (200 for a stall).
   */
  mode?: 'hang' | 'stall';
}

interface Rule {
  method?: string;
  path: RegExp;
  times: number;
  failure?: Failure;
  /** Runs before the request is handled (a concurrent writer, say). */
  before?: () => void;
}

export interface Artifact {
  id: number;
  name: string;
  runId: number;
  files: Record<string, string>;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
  user: { login: string };
}

export interface LoggedRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface FakeGitHub {
  /** The API root to give octokit as baseUrl. */
  readonly url: string;
  readonly requests: LoggedRequest[];
  /** Comments by `owner/repo#number`. */
  readonly comments: Map<string, FakeComment[]>;
  readonly refs: Map<string, string>;
  readonly commits: Map<string, FakeCommit>;
  readonly artifacts: Artifact[];
  /** Pull requests by `owner/repo#number`: their head commit. */
  readonly pulls: Map<string, { headSha: string }>;
  /** Issues by `owner/repo#number` (their comments are in `comments`). */
  readonly issues: Map<string, FakeIssue>;
  /** Every write answers 403 "Resource not accessible by integration" (a fork PR's token). */
  readOnly: boolean;
  /**
   * The token's user, for `GET /user` and as the author of new comments. Undefined: an Actions
   * GITHUB_TOKEN, for which `GET /user` answers 403 and comments are by `github-actions[bot]`.
   */
  viewer: string | undefined;
  defaultBranch: string;
  /** The next `times` requests matching method and path get this failure instead. */
  fail(method: string | undefined, path: RegExp, failure: Failure, times?: number): void;
  /** Runs `fn` just before the next request matching method and path is handled. */
  before(method: string | undefined, path: RegExp, fn: () => void): void;
  addComment(pr: string, body: string, login?: string): FakeComment;
  /** A first-parent chain of commits on `branch` (created when missing); returns their shas, oldest first. */
  addCommits(branch: string, count: number): string[];
  /** Commits a file on a branch directly (a concurrent writer). */
  writeFile(branch: string, path: string, content: string): void;
  readFile(branch: string, path: string): string | undefined;
  /** The paths of the files on a branch's head, sorted. */
  listFiles(branch: string): string[];
  close(): Promise<void>;
}

const FORBIDDEN: Failure = { status: 403, message: 'Resource not accessible by integration' };

export async function startGitHubServer(): Promise<FakeGitHub> {
  let nextId = 1000;
  let counter = 0;
  const rules: Rule[] = [];
  const sha = (...parts: (string | Buffer)[]): string => {
    const hash = createHash('sha1');
    for (const p of parts) hash.update(p);
    return hash.digest('hex');
  };
  const commit = (parents: string[], message: string, files: Map<string, Blob>): FakeCommit => {
    const c: FakeCommit = {
      sha: sha(message, ...parents, String(counter++)),
      parents,
      message,
      files,
    };
    state.commits.set(c.sha, c);
    return c;
  };
  const trees = new Map<string, Map<string, Blob>>();

  const state: FakeGitHub = {
    url: '',
    requests: [],
    comments: new Map(),
    refs: new Map(),
    commits: new Map(),
    artifacts: [],
    pulls: new Map(),
    issues: new Map(),
    readOnly: false,
    viewer: undefined,
    defaultBranch: 'main',
    fail(method, path, failure, times = 1) {
      rules.push({ method, path, failure, times });
    },
    before(method, path, fn) {
      rules.push({ method, path, before: fn, times: 1 });
    },
    addComment(pr, body, login = 'someone') {
      const id = nextId++;
      const comment = {
        id,
        body,
        user: { login },
        html_url: `${state.url}/${pr}#issuecomment-${id}`,
      };
      const list = state.comments.get(pr) ?? [];
      list.push(comment);
      state.comments.set(pr, list);
      return comment;
    },
    addCommits(branch, count) {
      const shas: string[] = [];
      for (let i = 0; i < count; i++) {
        const head = state.refs.get(branch);
        const files = head ? new Map(state.commits.get(head)!.files) : new Map<string, Blob>();
        const c = commit(head ? [head] : [], `commit ${i} on ${branch}`, files);
        state.refs.set(branch, c.sha);
        shas.push(c.sha);
      }
      return shas;
    },
    writeFile(branch, path, content) {
      const head = state.refs.get(branch);
      if (!head) throw new Error(`no branch ${branch}`);
      const files = new Map(state.commits.get(head)!.files);
      const data = Buffer.from(content);
      files.set(path, { sha: sha('blob', data), content: data });
      state.refs.set(branch, commit([head], `write ${path}`, files).sha);
    },
    readFile(branch, path) {
      const head = state.refs.get(branch);
      return head ? state.commits.get(head)!.files.get(path)?.content.toString('utf8') : undefined;
    },
    listFiles(branch) {
      const head = state.refs.get(branch);
      return head ? [...state.commits.get(head)!.files.keys()].sort() : [];
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections(); // hung and stalled answers included
      }),
  };

  type Handler = (
    m: RegExpExecArray,
    req: IncomingMessage,
    body: Record<string, unknown>,
    query: URLSearchParams,
  ) => Reply;
  type Reply = { status: number; json?: unknown; raw?: Buffer; headers?: Record<string, string> };
  const routes: [string, RegExp, Handler][] = [];
  const route = (method: string, path: RegExp, handler: Handler) =>
    routes.push([method, path, handler]);
  const notFound = (message = 'Not Found'): Reply => ({ status: 404, json: { message } });
  const repoPath = '/repos/([^/]+)/([^/]+)';

  // The authenticated user: an installation token (GITHUB_TOKEN) has none, and GitHub says so with a 403.
  route('GET', /^\/user$/, () =>
    state.viewer === undefined
      ? { status: 403, json: { message: FORBIDDEN.message } }
      : { status: 200, json: { login: state.viewer, id: 4242, type: 'User' } },
  );

  route('GET', new RegExp(`^${repoPath}$`), (m) => ({
    status: 200,
    json: { full_name: `${m[1]}/${m[2]}`, default_branch: state.defaultBranch },
  }));

  // Issue comments, paginated like GitHub: per_page (default 30, max 100), page, Link header.
  route(
    'GET',
    new RegExp(`^${repoPath}/issues/(\\d+)/comments$`),
    (m, _req, _body, query): Reply => {
      const list = state.comments.get(`${m[1]}/${m[2]}#${m[3]}`) ?? [];
      const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
      const page = Number(query.get('page') ?? 1);
      const last = Math.max(Math.ceil(list.length / perPage), 1);
      const link = (p: number) =>
        `<${state.url}/repos/${m[1]}/${m[2]}/issues/${m[3]}/comments?per_page=${perPage}&page=${p}>`;
      const links: string[] = [];
      if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
      if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
      return {
        status: 200,
        json: list.slice((page - 1) * perPage, page * perPage),
        headers: links.length > 0 ? { link: links.join(', ') } : undefined,
      };
    },
  );
  route('POST', new RegExp(`^${repoPath}/issues/(\\d+)/comments$`), (m, _req, body) => ({
    status: 201,
    json: state.addComment(
      `${m[1]}/${m[2]}#${m[3]}`,
      String(body.body),
      state.viewer ?? 'github-actions[bot]',
    ),
  }));
  route('PATCH', new RegExp(`^${repoPath}/issues/comments/(\\d+)$`), (m, _req, body) => {
    for (const list of state.comments.values()) {
      const found = list.find((c) => c.id === Number(m[3]));
      if (found) {
        found.body = String(body.body);
        return { status: 200, json: found };
      }
    }
    return notFound();
  });

  // Issues: numbers shared with pull requests, as on GitHub; `state` open or closed.
  const issueNumber = (owner: string, repo: string): number => {
    let n = 1;
    while (state.issues.has(`${owner}/${repo}#${n}`) || state.pulls.has(`${owner}/${repo}#${n}`))
      n++;
    return n;
  };
  const validation = (field: string, code: string): Reply => ({
    status: 422,
    json: {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', code, field }],
      documentation_url: 'https://docs.github.com/rest/issues/issues',
    },
  });
  route('POST', new RegExp(`^${repoPath}/issues$`), (m, _req, body) => {
    if (typeof body.title !== 'string' || body.title === '')
      return validation('title', 'missing_field');
    const number = issueNumber(m[1]!, m[2]!);
    const issue: FakeIssue = {
      number,
      title: body.title,
      body: typeof body.body === 'string' ? body.body : '',
      state: 'open',
      html_url: `${state.url}/${m[1]}/${m[2]}/issues/${number}`,
      user: { login: 'github-actions[bot]' },
    };
    state.issues.set(`${m[1]}/${m[2]}#${number}`, issue);
    return { status: 201, json: issue };
  });
  route('GET', new RegExp(`^${repoPath}/issues/(\\d+)$`), (m) => {
    const issue = state.issues.get(`${m[1]}/${m[2]}#${m[3]}`);
    return issue ? { status: 200, json: issue } : notFound();
  });
  route('PATCH', new RegExp(`^${repoPath}/issues/(\\d+)$`), (m, _req, body) => {
    const issue = state.issues.get(`${m[1]}/${m[2]}#${m[3]}`);
    if (!issue) return notFound();
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
      return validation('state', 'invalid');
    if (body.state !== undefined) issue.state = body.state as FakeIssue['state'];
    if (typeof body.title === 'string') issue.title = body.title;
    if (typeof body.body === 'string') issue.body = body.body;
    return { status: 200, json: issue };
  });

  // Contents API: GET a file at a ref, PUT with the blob sha it replaces (409 when stale).
  route('GET', new RegExp(`^${repoPath}/contents/(.+)$`), (m, _req, _body, query) => {
    const ref = query.get('ref') ?? state.defaultBranch;
    const head = state.refs.get(ref) ?? (state.commits.has(ref) ? ref : undefined);
    const path = m[3]!;
    const blob = head ? state.commits.get(head)!.files.get(path) : undefined;
    if (!blob) return notFound();
    return {
      status: 200,
      json: {
        type: 'file',
        encoding: 'base64',
        path,
        name: path.split('/').pop(),
        sha: blob.sha,
        size: blob.content.length,
        content: blob.content.toString('base64').replace(/.{60}/g, '$&\n'),
      },
    };
  });
  route('PUT', new RegExp(`^${repoPath}/contents/(.+)$`), (m, _req, body) => {
    const branch = String(body.branch ?? state.defaultBranch);
    const path = m[3]!;
    const head = state.refs.get(branch);
    if (!head) return { status: 404, json: { message: `Branch ${branch} not found` } };
    const files = new Map(state.commits.get(head)!.files);
    const current = files.get(path);
    if (current && body.sha === undefined)
      return { status: 422, json: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' } };
    if (current && body.sha !== current.sha)
      return { status: 409, json: { message: `${path} does not match ${String(body.sha)}` } };
    if (!current && body.sha !== undefined)
      return { status: 409, json: { message: `${path} does not match ${String(body.sha)}` } };
    const data = Buffer.from(String(body.content), 'base64');
    const blob = { sha: sha('blob', data), content: data };
    files.set(path, blob);
    const c = commit([head], String(body.message), files);
    state.refs.set(branch, c.sha);
    return {
      status: current ? 200 : 201,
      json: { content: { path, sha: blob.sha }, commit: { sha: c.sha } },
    };
  });

  // DELETE a file with the blob sha it removes (422 without one, 409 when stale, 404 when absent).
  route('DELETE', new RegExp(`^${repoPath}/contents/(.+)$`), (m, _req, body) => {
    const branch = String(body.branch ?? state.defaultBranch);
    const path = m[3]!;
    const head = state.refs.get(branch);
    if (!head) return { status: 404, json: { message: `Branch ${branch} not found` } };
    const files = new Map(state.commits.get(head)!.files);
    const current = files.get(path);
    if (body.sha === undefined)
      return { status: 422, json: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' } };
    if (!current) return notFound();
    if (body.sha !== current.sha)
      return { status: 409, json: { message: `${path} does not match ${String(body.sha)}` } };
    files.delete(path);
    const c = commit([head], String(body.message), files);
    state.refs.set(branch, c.sha);
    return { status: 200, json: { content: null, commit: { sha: c.sha } } };
  });

  // Git data: a tree and a parentless commit make an orphan branch; refs read and create branches.
  route('POST', new RegExp(`^${repoPath}/git/trees$`), (_m, _req, body) => {
    const files = new Map<string, Blob>();
    for (const entry of (body.tree as { path: string; content?: string }[] | undefined) ?? []) {
      const data = Buffer.from(entry.content ?? '');
      files.set(entry.path, { sha: sha('blob', data), content: data });
    }
    const treeSha = sha('tree', String(counter++));
    trees.set(treeSha, files);
    return { status: 201, json: { sha: treeSha } };
  });
  route('POST', new RegExp(`^${repoPath}/git/commits$`), (_m, _req, body) => {
    const files = trees.get(String(body.tree));
    if (!files) return { status: 422, json: { message: 'Tree not found' } };
    const c = commit(
      (body.parents as string[] | undefined) ?? [],
      String(body.message),
      new Map(files),
    );
    return { status: 201, json: { sha: c.sha } };
  });
  route('GET', new RegExp(`^${repoPath}/git/ref/heads/(.+)$`), (m) => {
    const head = state.refs.get(m[3]!);
    return head
      ? { status: 200, json: { ref: `refs/heads/${m[3]}`, object: { sha: head, type: 'commit' } } }
      : notFound();
  });
  route('POST', new RegExp(`^${repoPath}/git/refs$`), (_m, _req, body) => {
    const branch = String(body.ref).replace(/^refs\/heads\//, '');
    if (state.refs.has(branch))
      return { status: 422, json: { message: 'Reference already exists' } };
    if (!state.commits.has(String(body.sha)))
      return { status: 422, json: { message: 'Object does not exist' } };
    state.refs.set(branch, String(body.sha));
    return {
      status: 201,
      json: { ref: `refs/heads/${branch}`, object: { sha: body.sha, type: 'commit' } },
    };
  });

  // Commits: first-parent history from a sha or branch, paginated.
  route('GET', new RegExp(`^${repoPath}/commits$`), (_m, _req, _body, query) => {
    const from = query.get('sha') ?? state.defaultBranch;
    let cursor = state.refs.get(from) ?? (state.commits.has(from) ? from : undefined);
    if (!cursor) return notFound('No commit found for SHA: ' + from);
    const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
    const page = Number(query.get('page') ?? 1);
    const history: { sha: string; parents: { sha: string }[]; commit: { message: string } }[] = [];
    while (cursor) {
      const c: FakeCommit = state.commits.get(cursor)!;
      history.push({
        sha: c.sha,
        parents: c.parents.map((p) => ({ sha: p })),
        commit: { message: c.message },
      });
      cursor = c.parents[0];
    }
    return { status: 200, json: history.slice((page - 1) * perPage, page * perPage) };
  });

  route('GET', new RegExp(`^${repoPath}/pulls/(\\d+)$`), (m) => {
    const pull = state.pulls.get(`${m[1]}/${m[2]}#${m[3]}`);
    return pull
      ? { status: 200, json: { number: Number(m[3]), state: 'open', head: { sha: pull.headSha } } }
      : notFound();
  });

  // Actions artifacts: list a run's artifacts; download answers a redirect to the zip, as GitHub does.
  route(
    'GET',
    new RegExp(`^${repoPath}/actions/runs/(\\d+)/artifacts$`),
    (m, _req, _body, query) => {
      const name = query.get('name');
      const list = state.artifacts.filter(
        (a) => a.runId === Number(m[3]) && (!name || a.name === name),
      );
      return {
        status: 200,
        json: {
          total_count: list.length,
          artifacts: list.map((a) => ({
            id: a.id,
            name: a.name,
            expired: false,
            archive_download_url: `${state.url}/repos/${m[1]}/${m[2]}/actions/artifacts/${a.id}/zip`,
          })),
        },
      };
    },
  );
  route('GET', new RegExp(`^${repoPath}/actions/artifacts/(\\d+)/zip$`), (m) => ({
    status: 302,
    headers: { location: `${state.url}/_blob/artifact-${m[3]}.zip` },
  }));
  route('GET', /^\/_blob\/artifact-(\d+)\.zip$/, (m) => {
    const artifact = state.artifacts.find((a) => a.id === Number(m[1]));
    return artifact
      ? { status: 200, raw: zip(artifact.files), headers: { 'content-type': 'application/zip' } }
      : notFound();
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => respond(req, res, Buffer.concat(chunks)));
  });

  function respond(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', state.url);
    const method = req.method ?? 'GET';
    const body =
      raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    // Clients may encode the slashes of a ref or path (`heads%2Fmain`); GitHub accepts both.
    const pathname = decodeURIComponent(url.pathname);
    state.requests.push({
      method,
      path: `${pathname}${url.search}`,
      ...(raw.length > 0 ? { body } : {}),
    });
    const send = (reply: Reply) => {
      const headers = { ...reply.headers };
      if (reply.raw) {
        res.writeHead(reply.status, headers).end(reply.raw);
      } else {
        res.writeHead(reply.status, {
          'content-type': 'application/json; charset=utf-8',
          ...headers,
        });
        res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
      }
    };
    const rule = rules.find(
      (r) => r.times > 0 && (!r.method || r.method === method) && r.path.test(pathname),
    );
    if (rule) {
      rule.times -= 1;
      rule.before?.();
      if (rule.failure?.mode === 'hang') return; // no answer, ever
      if (rule.failure?.mode === 'stall') {
        const text = JSON.stringify({ message: rule.failure.message ?? 'half an answer' });
        res.writeHead(rule.failure.status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(text.length),
          ...rule.failure.headers,
        });
        res.write(text.slice(0, text.length >> 1));
        return; // the rest never comes
      }
      if (rule.failure) {
        send({
          status: rule.failure.status,
          json: { message: rule.failure.message ?? 'Failure' },
          headers: rule.failure.headers,
        });
        return;
      }
    }
    if (state.readOnly && method !== 'GET' && method !== 'HEAD')
      return send({ status: 403, json: { message: FORBIDDEN.message } });
    if (req.headers.authorization === undefined && !pathname.startsWith('/_blob/')) {
      return send({ status: 401, json: { message: 'Requires authentication' } });
    }
    for (const [m, path, handler] of routes) {
      const match = path.exec(pathname);
      if (m === method && match) return send(handler(match, req, body, url.searchParams));
    }
    send(notFound(`No fake for ${method} ${url.pathname}`));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (state as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A zip archive (deflated entries), as GitHub serves artifacts. */
export function zip(files: Record<string, string>): Buffer {
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))),
  );
}
