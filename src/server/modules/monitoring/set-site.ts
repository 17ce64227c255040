/**
 * The administrator sets an agency's portal or online-service portal (R5). A new address ends the
 * current row on the day it takes effect and starts another, so every result keeps the address it
 * was taken from; no address ends the monitoring of that site. Pins send the detector of a field to
 * one page of the site (it then looks only there). The portal also becomes the registry's website,
 * which the other screens show. Audited like every change of the registry.
 */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import { fieldName } from '../../../core/input/values.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaForAgency } from '../website-checks/check-values.ts';
import { canSetSite } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { SetSiteBody, SiteParams, SitesAnswer } from './monitoring.schema.ts';
import { readSites } from './read-sites.ts';
import { canonicalSiteUrl, siteScope } from './site-address.ts';

const today = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export async function setSite(
  deps: AppDeps,
  caller: Caller,
  input: SiteParams & SetSiteBody,
): Promise<SitesAnswer> {
  authorize(canSetSite(caller.user));
  const db = deps.database.db;
  const agency = await repo.findAgency(db, input.agencyId);
  if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' });
  let url: string | null = null;
  if (input.url !== null && input.url.trim() !== '') {
    const c = canonicalSiteUrl(input.url);
    if ('problem' in c) throw invalid('url', c.problem);
    url = c.url;
  }
  const now = deps.clock.now();
  const from = input.validFrom ?? today(now);
  const pins = input.pins === undefined ? undefined : await checkPins(deps, agency, url, input.pins);

  await db.transaction(async (tx) => {
    const before = await repo.currentSite(tx, agency.id, input.kind, true);
    if (before && url === before.url) {
      if (pins === undefined) return;
      await repo.updatePins(tx, before.id, pins);
      await audit(tx, caller, now, {
        action: 'monitoring.site.pins',
        entityType: 'monitored_site',
        entityId: before.id,
        agencyId: agency.id,
        oldValue: { pins: before.pins },
        newValue: { pins },
      });
      return;
    }
    if (!before && url === null) return;
    if (before && from < before.validFrom)
      throw invalid('validFrom', {
        vi: `Ngày áp dụng địa chỉ mới phải từ ngày ${before.validFrom.split('-').reverse().join('/')} trở đi (ngày bắt đầu của địa chỉ hiện tại)`,
        en: `The new address must take effect on or after ${before.validFrom}, when the current one began`,
      });
    if (before) await repo.endSite(tx, before.id, from);
    const created = url
      ? await repo.insertSite(tx, {
          agencyId: agency.id,
          kind: input.kind,
          url,
          pins: pins ?? {},
          validFrom: from,
          createdBy: caller.user.id,
          createdAt: now,
        })
      : null;
    if (input.kind === 'portal') await repo.setAgencyWebsite(tx, agency.id, url, now);
    await audit(tx, caller, now, {
      action: 'monitoring.site.set',
      entityType: 'monitored_site',
      entityId: created?.id ?? before?.id ?? null,
      agencyId: agency.id,
      field: input.kind,
      oldValue: before ? { url: before.url, validFrom: before.validFrom } : null,
      newValue: created ? { url: created.url, validFrom: created.validFrom } : { url: null, validTo: from },
    });
  });
  return readSites(deps, caller, { agencyId: agency.id });
}

/** Pins name monitoring fields of the agency's criteria and pages inside the site. */
async function checkPins(
  deps: AppDeps,
  agency: { id: string; groupId: string },
  url: string | null,
  pins: Record<string, string>,
): Promise<Record<string, string>> {
  const { group } = await criteriaForAgency(deps.database.db, agency);
  const out: Record<string, string> = {};
  for (const [key, page] of Object.entries(pins)) {
    const field = group.fieldsByKey.get(key);
    if (field?.source !== 'monitoring')
      throw invalid(`pins.${key}`, {
        vi: `"${key}" không phải mục kiểm tra trang TTĐT của cơ quan này`,
        en: `"${key}" is not a website-check item of this agency`,
      });
    const c = canonicalSiteUrl(page, false);
    if ('problem' in c) throw invalid(`pins.${key}`, c.problem);
    if (!url || !c.url.startsWith(siteScope(url)))
      throw invalid(`pins.${key}`, {
        vi: `Trang ghim cho "${fieldName(field, 'vi')}" phải nằm trong trang TTĐT của cơ quan (${url ? siteScope(url) : 'chưa có địa chỉ'})`,
        en: `The page pinned for "${fieldName(field, 'en')}" must be inside the agency's portal`,
      });
    out[key] = c.url;
  }
  return out;
}
