/** PLACEHOLDER until this screen is built (issue 4): replaced by the helper that owns it. */
import { PageHeader } from '../../components/Page.tsx';
import type { ScreenProps } from '../../routes.tsx';

export default function ReviewPage(_props: ScreenProps) {
  return <PageHeader title="ReviewPage" />;
}
