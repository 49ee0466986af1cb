// Each agent's connection state for the panel: detected on this machine? Countersign's hook in its configs?
import { AGENTS, configTarget, type Locations } from '../../agents/catalog';
import { readText } from '../../agents/connect';
import { hasHook } from '../../agents/hookConfig';
import { isClineHookScript } from '../../agents/scripts';
import type { AgentConnectionView } from '../../protocol/webviewMessages';
import type { Detection } from './detect';

export function connectionStates(detections: readonly Detection[], where: Locations): AgentConnectionView[] {
  return AGENTS.map((info) => {
    const files = (['user', 'workspace'] as const).flatMap((scope) => {
      const target = configTarget(info.agent, scope, where);
      if (!target) return [];
      let text: string | undefined;
      try {
        text = readText(target.file);
      } catch {
        return [];
      }
      const ours = target.kind === 'cline-script' ? isClineHookScript(text) : hasHook(target.kind, text);
      return ours ? [target.file] : [];
    });
    const detected = detections.find((d) => d.agent === info.agent)?.detected ?? false;
    return { agent: info.agent, label: info.label, detected, connected: files.length > 0, files, note: files.length > 0 ? info.note : undefined };
  });
}
