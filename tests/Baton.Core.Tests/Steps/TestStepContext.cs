using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.Core.Tests.Steps;

/// <summary>A step context for executor tests: a fixed run and path, and a mask that replaces the listed secrets.</summary>
internal sealed class TestStepContext : StepContext
{
    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    public TestStepContext(JsonNode? config) => Config = config;

    /// <summary>Creates a context whose configuration is <paramref name="configJson"/> parsed.</summary>
    public static TestStepContext For(string configJson) => new(JsonNode.Parse(configJson));

    public override RunId RunId { get; } = new("01jtestrun0000000000000000");

    public override string WorkflowName => "executor-tests";

    public override string StepId => "call";

    public override string Path => "group/call";

    public override int Attempt => AttemptNumber;

    public int AttemptNumber { get; init; } = 1;

    public override string IdempotencyKey => $"{RunId}:{Path}";

    public override JsonNode? Config { get; }

    public override string WorkingDirectory => WorkingDirectoryPath;

    public string WorkingDirectoryPath { get; init; } = System.IO.Path.GetTempPath();

    public override TimeProvider TimeProvider => TimeProvider.System;

    public override ILogger Logger => NullLogger.Instance;

    public override IServiceProvider Services => EmptyServices;

    public IReadOnlyList<string> Secrets { get; init; } = [];

    public override string Mask(string text)
    {
        foreach (var secret in Secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
