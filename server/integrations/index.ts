// Public surface of integrations with code hosts.
export { DEFAULT_GITHUB_API, GithubError, postGithubSummary, type GithubPostResult, type GithubSummary, type GithubTarget } from './github.js';
