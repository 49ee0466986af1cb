// What every agent envelope is reduced to before the tool vocabulary is interpreted.
import type { AgentName } from '../types';

export interface ToolCall {
  agent: AgentName | 'unknown';
  /** The agent's own tool name (or hook event name for Cursor's event-per-action hooks). */
  tool: string;
  /** The tool's arguments, JSON text already decoded. */
  input: unknown;
  cwd: string;
  sessionId?: string;
  /** Workspace roots the agent reported (Cursor, Cline); the first is the fallback cwd. */
  roots: string[];
  /**
   * Set when the envelope says the call goes to an MCP server (Cursor's beforeMCPExecution): the tool name is then
   * the server's own, never one of the agent's built-in tools (an MCP `read` is not the agent's Read). The server's
   * name when the envelope tells it (from its command or URL), else ''.
   */
  mcpServer?: string;
}
