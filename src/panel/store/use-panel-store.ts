/** Subscribes to the client's live feed for a tab and folds it into PanelState. */
import { useEffect, useReducer } from 'preact/hooks';
import type { CorsLensClient } from '../../ui/client';
import { initialPanelState, panelReducer, type PanelAction, type PanelState } from './panel-store';

export function usePanelStore(client: CorsLensClient, tabId: number): [PanelState, (action: PanelAction) => void] {
  const [state, dispatch] = useReducer(panelReducer, tabId, initialPanelState);
  useEffect(() => {
    const unsubscribe = client.subscribe(
      tabId,
      (update) => dispatch({ type: 'live', update }),
      (connected) => dispatch({ type: 'connection', connected }),
    );
    return unsubscribe;
  }, [client, tabId]);
  return [state, dispatch];
}
