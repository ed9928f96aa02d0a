import { createContext, useContext, type ReactNode } from 'react';
import { message } from 'antd';

type Toasts = ReturnType<typeof message.useMessage>[0];
const FeedbackContext = createContext<Toasts | null>(null);

/**
 * Short confirmations ("认领成功") themed and localised by the ConfigProvider. antd's <App> would
 * give the same plus modal and notification, which every page would then load; dialogs are
 * loaded by the one page that asks a question (my shifts).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, holder] = message.useMessage();
  return (
    <FeedbackContext.Provider value={toasts}>
      {holder}
      {children}
    </FeedbackContext.Provider>
  );
}

export function useToasts(): Toasts {
  const toasts = useContext(FeedbackContext);
  if (!toasts) throw new Error('useToasts outside FeedbackProvider');
  return toasts;
}
