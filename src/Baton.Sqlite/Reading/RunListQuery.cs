using Baton.Sqlite.Rows;
using Baton.Storage;

namespace Baton.Sqlite.Reading;

/// <summary>Lists runs newest first, with filters and paging, reading no more rows than asked for.</summary>
internal static class RunListQuery
{
    /// <summary>The largest <see cref="RunQuery.Limit"/> accepted: a page, never the whole store.</summary>
    public const int MaxLimit = 1000;

    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and <see cref="MaxLimit"/>.</exception>
    public static void Validate(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(query), query.Limit, $"RunQuery.Limit is {query.Limit}; it must be between 1 and {MaxLimit}. Page through more runs with RunQuery.Before.");
        }
    }

    /// <exception cref="RunNotFoundException"><see cref="RunQuery.Before"/> names no run.</exception>
    public static IReadOnlyList<RunRecord> List(ReadSession session, RunQuery query) => session.InSnapshot(s =>
    {
        var statement = s.Get(ReadSql.ListRuns(query.Status is not null, query.WorkflowName is not null, query.Before is not null));
        if (query.Before is { } before)
        {
            var createdAt = s.Get(ReadSql.RunCreatedAt).Set("id", before.Value).Scalar() ?? throw new RunNotFoundException(before);
            statement.Set("before_created_at", createdAt).Set("before_id", before.Value);
        }

        if (query.Status is { } status)
        {
            statement.Set("status", (long)status);
        }

        if (query.WorkflowName is { } workflow)
        {
            statement.Set("workflow", workflow);
        }

        var runs = new List<RunRecord>(Math.Min(query.Limit, 64));
        using var reader = statement.Set("limit", (long)query.Limit).Query();
        while (reader.Read())
        {
            runs.Add(RunRow.Read(reader, s, s.Errors));
        }

        return runs;
    });
}
