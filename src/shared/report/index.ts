/** Report files: one cluster, namespace or object, as Markdown or one HTML page, in English or Russian. */
import type { Lang } from '../model/findings';
import { renderReportHtml } from './render-html';
import { renderReportMarkdown } from './render-markdown';
import { REPORT_MIME, reportFileName, type ClusterReport, type ReportFile, type ReportFormat } from './report-model';

export function renderReport(report: ClusterReport, format: ReportFormat, lang: Lang): ReportFile {
  return {
    fileName: reportFileName(report, format),
    mimeType: REPORT_MIME[format],
    content: format === 'html' ? renderReportHtml(report, lang) : renderReportMarkdown(report, lang),
  };
}

export * from './report-model';
