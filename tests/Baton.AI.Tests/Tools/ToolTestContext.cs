using System.Text.Json.Nodes;
using Baton.AI.Tools;
using Baton.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.AI.Tests.Tools;

/// <summary>The agent step's context for tool tests: a fixed run and path, and a mask that replaces the listed secrets.</summary>
internal sealed class ToolTestContext : StepContext
{
    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    public override RunId RunId { get; } = new("01jtoolrun0000000000000000");

    public override string WorkflowName => "tool-tests";

    public override string StepId => "draft";

    public override string Path => "draft";

    public override int Attempt => 1;

    public override string IdempotencyKey => $"{RunId}:{Path}";

    public override JsonNode? Config => null;

    public override string WorkingDirectory => System.IO.Path.GetTempPath();

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

    /// <summary>The n-th call of a tool in this agent step, recorded at <c>draft/tool-{n}-{name}</c>.</summary>
    public ToolInvocation Call(string toolName, int n = 1) => new()
    {
        Step = this,
        CallId = $"call_{n}_{toolName}",
        Path = $"draft/tool-{n}-{toolName}",
    };
}
