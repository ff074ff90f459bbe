using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Baton.Core.Tests.Steps;

/// <summary>What a loopback server received: enough to assert on the wire format of a request.</summary>
internal sealed record RecordedRequest(string Method, string Path, string RawQuery, IQueryCollection Query, IReadOnlyDictionary<string, string[]> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>A handler that records each request into <paramref name="requests"/>, then lets <paramref name="respond"/> answer (200, empty, by default).</summary>
    public static RequestDelegate Recorder(ConcurrentQueue<RecordedRequest> requests, RequestDelegate? respond = null) => async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", context.Request.Query, headers, body));
        if (respond is not null)
        {
            await respond(context);
        }
    };
}
