using Baton.Sqlite.Rows;

namespace Baton.Sqlite.Writing;

/// <summary>Claims, renews and releases leases inside the writer's transaction, where no other writer can interleave.</summary>
internal static class LeaseWriter
{
    public static IReadOnlyList<RunId> Claim(WriteContext context, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max)
    {
        var claimed = new List<(long ReadyAt, string Id)>(max);
        context.Commands.ClaimRuns
            .Set("owner", owner)
            .Set("lease_until", DbTime.ToDb(leaseUntil))
            .Set("now", DbTime.ToDb(now))
            .Set("max", (long)max)
            .ForEachRow(row => claimed.Add((row.GetInt64(1), row.GetString(0))));

        // RETURNING yields rows in no particular order; callers get the earliest first.
        claimed.Sort();
        return claimed.Select(c => new RunId(c.Id)).ToArray();
    }

    public static bool TryClaim(WriteContext context, RunId runId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil) =>
        context.Commands.TryClaimRun
            .Set("id", runId.Value)
            .Set("owner", owner)
            .Set("lease_until", DbTime.ToDb(leaseUntil))
            .Set("now", DbTime.ToDb(now))
            .Execute() == 1;

    public static IReadOnlyList<RunId> Renew(WriteContext context, string owner, IEnumerable<RunId> runIds, DateTimeOffset leaseUntil)
    {
        var lost = new List<RunId>();
        foreach (var runId in runIds)
        {
            var renewed = context.Commands.RenewLease
                .Set("id", runId.Value)
                .Set("owner", owner)
                .Set("lease_until", DbTime.ToDb(leaseUntil))
                .Execute();
            if (renewed == 0)
            {
                lost.Add(runId);
            }
        }

        return lost;
    }

    public static void Release(WriteContext context, RunId runId, string owner) =>
        context.Commands.ReleaseLease.Set("id", runId.Value).Set("owner", owner).Set("now", context.Now).Execute();

    public static int ReleaseAllOf(WriteContext context, string owner, DateTimeOffset now) =>
        context.Commands.ReleaseLeasesOf.Set("owner", owner).Set("now", DbTime.ToDb(now)).Execute();
}
