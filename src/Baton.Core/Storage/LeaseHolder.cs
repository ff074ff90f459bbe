namespace Baton.Storage;

/// <summary>A worker that holds leases, with how many runs it holds and when its latest lease expires.</summary>
public sealed record LeaseHolder(string Owner, int Runs, DateTimeOffset LatestExpiry);
