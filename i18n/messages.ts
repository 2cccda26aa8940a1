import type { Locale } from './config';
import enAdmin from '../messages/en/admin.json';
import enOffline from '../messages/en/offline.json';
import enChannels from '../messages/en/channels.json';
import enEscalation from '../messages/en/escalation.json';
import enDelivery from '../messages/en/delivery.json';
import enDeliveryOutcome from '../messages/en/deliveryOutcome.json';
import enAuth from '../messages/en/auth.json';
import enBoard from '../messages/en/board.json';
import enChecklist from '../messages/en/checklist.json';
import enCommon from '../messages/en/common.json';
import enDashboard from '../messages/en/dashboard.json';
import enEnterprise from '../messages/en/enterprise.json';
import enErrors from '../messages/en/errors.json';
import enField from '../messages/en/field.json';
import enOneMap from '../messages/en/oneMap.json';
import enIntake from '../messages/en/intake.json';
import enFieldReports from '../messages/en/fieldReports.json';
import enReinforce from '../messages/en/reinforce.json';
import enMaterials from '../messages/en/materials.json';
import enReportExport from '../messages/en/reportExport.json';
import enReceptors from '../messages/en/receptors.json';
import enStatutoryReports from '../messages/en/statutoryReports.json';
import enReview from '../messages/en/review.json';
import zhAdmin from '../messages/zh-CN/admin.json';
import zhOffline from '../messages/zh-CN/offline.json';
import zhChannels from '../messages/zh-CN/channels.json';
import zhEscalation from '../messages/zh-CN/escalation.json';
import zhDelivery from '../messages/zh-CN/delivery.json';
import zhDeliveryOutcome from '../messages/zh-CN/deliveryOutcome.json';
import zhAuth from '../messages/zh-CN/auth.json';
import zhBoard from '../messages/zh-CN/board.json';
import zhChecklist from '../messages/zh-CN/checklist.json';
import zhCommon from '../messages/zh-CN/common.json';
import zhDashboard from '../messages/zh-CN/dashboard.json';
import zhEnterprise from '../messages/zh-CN/enterprise.json';
import zhErrors from '../messages/zh-CN/errors.json';
import zhField from '../messages/zh-CN/field.json';
import zhOneMap from '../messages/zh-CN/oneMap.json';
import zhIntake from '../messages/zh-CN/intake.json';
import zhFieldReports from '../messages/zh-CN/fieldReports.json';
import zhReinforce from '../messages/zh-CN/reinforce.json';
import zhMaterials from '../messages/zh-CN/materials.json';
import zhReportExport from '../messages/zh-CN/reportExport.json';
import zhReceptors from '../messages/zh-CN/receptors.json';
import zhStatutoryReports from '../messages/zh-CN/statutoryReports.json';
import zhReview from '../messages/zh-CN/review.json';

// One namespace per feature file, so features can grow their catalogs independently.
const catalogs = {
  'zh-CN': {
    common: zhCommon,
    auth: zhAuth,
    errors: zhErrors,
    admin: zhAdmin,
    dashboard: zhDashboard,
    board: zhBoard,
    field: zhField,
    enterprise: zhEnterprise,
    checklist: zhChecklist,
    oneMap: zhOneMap,
    offline: zhOffline,
    channels: zhChannels,
    escalation: zhEscalation,
    delivery: zhDelivery,
    intake: zhIntake,
    fieldReports: zhFieldReports,
    deliveryOutcome: zhDeliveryOutcome,
    reinforce: zhReinforce,
    materials: zhMaterials,
    reportExport: zhReportExport,
    receptors: zhReceptors,
    statutoryReports: zhStatutoryReports,
    review: zhReview,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    errors: enErrors,
    admin: enAdmin,
    dashboard: enDashboard,
    board: enBoard,
    field: enField,
    enterprise: enEnterprise,
    checklist: enChecklist,
    oneMap: enOneMap,
    offline: enOffline,
    channels: enChannels,
    escalation: enEscalation,
    delivery: enDelivery,
    intake: enIntake,
    fieldReports: enFieldReports,
    deliveryOutcome: enDeliveryOutcome,
    reinforce: enReinforce,
    materials: enMaterials,
    reportExport: enReportExport,
    receptors: enReceptors,
    statutoryReports: enStatutoryReports,
    review: enReview,
  },
} as const;

export type Messages = (typeof catalogs)['zh-CN'];

export function getMessages(locale: Locale): Messages {
  return catalogs[locale] as Messages;
}
