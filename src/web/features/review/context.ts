/** What every section of the review page needs: the data, what the role may do, what is new. */
import type { ReviewPageData } from './reviewApi.ts';

export interface ReviewContext {
  cycleId: string;
  agencyId: string;
  data: ReviewPageData;
  /** Corrections, N/A decisions (admin, assessor; cycle closed or under review; report submitted). */
  canEdit: boolean;
  /** Queries and surveys (admin, assessor; cycle open, closed or under review; report submitted). */
  canQuery: boolean;
  /** Website checks (admin, assessor; the server refuses once the year's result is approved). */
  canCheckWebsite: boolean;
  /** Whether a thing (lastVisit.ts seenKey) is new since the last visit. */
  isNew: (key: string) => boolean;
  /** Reloads the page's data after an action. */
  refresh: () => Promise<void>;
  /** Opens the query form about a field (from a value's row). */
  askAbout: (fieldKey: string) => void;
}

export const fieldLabelOf = (data: ReviewPageData, key: string) => {
  const f = data.values.find((v) => v.key === key);
  return f ? f.label.vi : key;
};
