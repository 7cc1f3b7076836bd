using Indicators.Core.Plans;

namespace Indicators.Data.Sources;

/// <summary>
/// The sources of a set of indicators with their last run and last success. The overview and the indicator page both
/// read it, so both judge an indicator's freshness from the same facts.
/// </summary>
internal static class IndicatorSourceRows
{
    /// <summary>Takes <c>@IndicatorIds</c> (an int array); the last run and last success each come from the (source_id, started_at) index.</summary>
    public const string Sql = """
        select si.indicator_id, s.id as SourceId, s.name, s.kind, s.cron,
               s.time_zone, s.enabled,
               last.status as LastRunStatus, last.started_at as LastRunAt, last.message as LastRunMessage,
               success.started_at as LastSuccessAt, quarantined.id as QuarantinedFileId
        from source_indicator si
        join source s on s.id = si.source_id
        left join lateral (
            select r.status, r.started_at, r.message
            from ingestion_run r where r.source_id = s.id and r.trigger <> 'preview'
              -- A run that failed on a quarantined file stopped only that file: it is told by the file, below.
              and not exists (select 1 from source_file f where f.quarantine_run_id = r.id)
            order by r.started_at desc, r.id desc limit 1) last on true
        left join lateral (
            select f.id
            from source_file f
            where f.source_id = s.id and f.quarantined_at is not null and f.read_anyway_at is null
              and f.ingested_at is null and f.discarded_at is null and si.indicator_id = any(f.indicator_ids)
            order by f.quarantined_at desc limit 1) quarantined on true
        left join lateral (
            select r.started_at
            from ingestion_run r where r.source_id = s.id and r.status in ('succeeded', 'succeeded_with_warnings')
            order by r.started_at desc limit 1) success on true
        where si.indicator_id = any(@IndicatorIds)
        order by s.name, s.id;
        """;

    public sealed record Row(
        int IndicatorId, int SourceId, string Name, string Kind, string Cron, string TimeZone, bool Enabled,
        string? LastRunStatus, DateTime? LastRunAt, string? LastRunMessage, DateTime? LastSuccessAt, long? QuarantinedFileId)
    {
        public IndicatorSource ToIndicatorSource() => new(
            SourceId, Name, Kind, Cron, TimeZone, Enabled, LastRunStatus, DbTime.Utc(LastRunAt), LastRunMessage, DbTime.Utc(LastSuccessAt), QuarantinedFileId);
    }
}
