using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Testing.Models;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that speaks a model vendor's wire format, so that the vendor's own SDK runs against it.
/// Replies come from <see cref="Enqueue"/>d replies first, then <see cref="Responder"/>, then <see cref="DefaultReply"/>.
/// </summary>
public abstract class LoopbackModelServer : IAsyncDisposable
{
    private static readonly HashSet<string> SecretHeaders = new(["authorization", "x-api-key", "api-key", "cookie"], StringComparer.OrdinalIgnoreCase);

    private readonly object _gate = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private readonly Queue<ModelReply> _replies = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private WebApplication? _app;
    private int _inFlight;
    private int _maxInFlight;
    private int _served;
    private int _sequence;

    /// <summary>The address SDK clients are given as their base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers a request when no enqueued reply is left; null leaves it to <see cref="DefaultReply"/>.</summary>
    public Func<RecordedModelRequest, ModelReply>? Responder { get; set; }

    /// <summary>The reply when neither the queue nor <see cref="Responder"/> gives one. Default: the text "ok".</summary>
    public ModelReply DefaultReply { get; set; } = ModelReply.WithText("ok");

    /// <summary>Real time every request waits before it is answered (a benchmark sets 100 ms); cut short when the client aborts.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>When set, every request waits for this task (or for the client to abort) before it is answered.</summary>
    public Task? Gate { get; set; }

    /// <summary>Requests being answered right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests ever in flight at once.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests answered to the end (not aborted).</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Adds replies to the queue; each request takes the next one.</summary>
    public void Enqueue(params ModelReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _replies.Enqueue(reply);
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have been received.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>Stops the server; requests still waiting are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(shutdown.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _app = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>The paths the vendor's endpoint answers on.</summary>
    protected abstract IReadOnlyCollection<string> Paths { get; }

    /// <summary>The path under the server's root that SDKs take as their base URL (such as <c>v1/</c>).</summary>
    protected abstract string BasePath { get; }

    /// <summary>Writes a successful reply in the vendor's format.</summary>
    protected abstract Task WriteCompletionAsync(HttpResponse response, RecordedModelRequest request, ModelReply reply, int sequence);

    /// <summary>The vendor's error body for <paramref name="status"/>.</summary>
    protected abstract string ErrorBody(int status, string message);

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    protected async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _app = app;
        BaseUrl = new Uri(new Uri(address.TrimEnd('/') + "/"), BasePath);
    }

    /// <summary>Writes a JSON document with <paramref name="write"/>.</summary>
    protected static async Task WriteJsonAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        response.ContentType = "application/json";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordAsync(context.Request).ConfigureAwait(false);
        if (!Paths.Contains(recorded.Path, StringComparer.Ordinal) || recorded.Method != HttpMethods.Post)
        {
            await WriteErrorAsync(context.Response, 404, $"No route for {recorded.Method} {recorded.Path}.").ConfigureAwait(false);
            return;
        }

        var (reply, sequence) = Next(recorded);
        var inFlight = Interlocked.Increment(ref _inFlight);
        UpdateMax(inFlight);
        try
        {
            if (Gate is { } gate)
            {
                await gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }

            var delay = Latency + reply.Delay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }

            await WriteReplyAsync(context.Response, recorded, reply, sequence).ConfigureAwait(false);
            Interlocked.Increment(ref _served);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up: nobody is left to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task WriteReplyAsync(HttpResponse response, RecordedModelRequest request, ModelReply reply, int sequence)
    {
        if (reply.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        if (reply.RawBody is { } raw)
        {
            response.StatusCode = reply.StatusCode;
            response.ContentType = "application/json";
            await response.WriteAsync(raw).ConfigureAwait(false);
        }
        else if (reply.StatusCode >= 400)
        {
            await WriteErrorAsync(response, reply.StatusCode, reply.ErrorMessage ?? "error").ConfigureAwait(false);
        }
        else if (request.Body.ValueKind == JsonValueKind.Object && request.Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            await WriteErrorAsync(response, 400, "The loopback server does not stream.").ConfigureAwait(false);
        }
        else
        {
            response.StatusCode = reply.StatusCode;
            await WriteCompletionAsync(response, request, reply, sequence).ConfigureAwait(false);
        }
    }

    private async Task WriteErrorAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(ErrorBody(status, message)).ConfigureAwait(false);
    }

    private (ModelReply Reply, int Sequence) Next(RecordedModelRequest request)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        lock (_gate)
        {
            if (_replies.TryDequeue(out var queued))
            {
                return (queued, sequence);
            }
        }

        return (Responder?.Invoke(request) ?? DefaultReply, sequence);
    }

    private async Task<RecordedModelRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        var headers = request.Headers
            .Where(h => !SecretHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedModelRequest(
            request.Method,
            request.Path.Value ?? "",
            headers,
            request.Headers.ContainsKey("Authorization"),
            request.Headers.ContainsKey("x-api-key") || request.Headers.ContainsKey("api-key"),
            text,
            ParseJson(text));
        lock (_gate)
        {
            _requests.Add(recorded);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return recorded;
    }

    private static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private void UpdateMax(int inFlight)
    {
        var max = Volatile.Read(ref _maxInFlight);
        while (inFlight > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
            if (seen == max)
            {
                return;
            }

            max = seen;
        }
    }
}
