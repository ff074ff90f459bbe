using Baton.Sqlite.Rows;
using Baton.Storage;

namespace Baton.Sqlite.Reading;

/// <summary>What workers poll: the next wake-up and the lease holders.</summary>
internal static class SchedulingQueries
{
    public static DateTimeOffset? NextReadyAt(ReadSession session, DateTimeOffset now) =>
        session.Get(ReadSql.NextReadyAt).Set("now", DbTime.ToDb(now)).Scalar() is long readyAt ? DbTime.FromDb(readyAt) : null;

    public static IReadOnlyList<LeaseHolder> LeaseHolders(ReadSession session)
    {
        var holders = new List<LeaseHolder>();
        using var reader = session.Get(ReadSql.LeaseHolders).Query();
        while (reader.Read())
        {
            // Commits refuse a lease without an expiry; should one exist anyway, it shows as long expired.
            var latest = reader.IsDBNull(2) ? DateTimeOffset.UnixEpoch : reader.GetTime(2);
            holders.Add(new LeaseHolder(reader.GetString(0), reader.GetInt32(1), latest));
        }

        return holders;
    }
}
