/**
 * Month-measures have one definition, the workflow's (workflows/trajectory/src/obligations/month-measures.ts):
 * the funder figures, the feed and the trajectory view all count with it. Re-exported for the funder's modules.
 */
export {
  activeInMonth,
  activeInYear,
  activeMonths,
  monthMeasures,
  monthMeasureSettingOf,
  monthMeasuresInYear,
  measureActivityAfter,
  startMeasureActivity,
  DEFAULT_MONTH_MEASURE_SETTING,
  type ActivePeriod,
  type MeasureActivity,
  type MonthMeasureSetting,
  type YearMonth,
} from '../../workflows/trajectory/src';
