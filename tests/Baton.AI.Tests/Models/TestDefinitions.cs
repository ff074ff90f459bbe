using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.AI.Tests.Models;

/// <summary>Builds compiled definitions as the compiler leaves them: models, project config and bundle files already in place.</summary>
internal static class TestDefinitions
{
    public const string WorkflowFile = "flow.yaml";
    public const string ProjectFile = "baton.yaml";

    public static WorkflowDefinition Create(
        string? workflowModels = null,
        string? projectModels = null,
        string? providers = null,
        string? prices = null,
        IReadOnlyDictionary<string, string>? files = null)
    {
        var project = projectModels is null && providers is null && prices is null
            ? null
            : new ProjectConfig(ProjectFile, Object(projectModels), Object(providers), Object(prices));
        var bundleFiles = new Dictionary<string, string>(StringComparer.Ordinal) { [WorkflowFile] = "name: flow" };
        foreach (var (key, text) in files ?? new Dictionary<string, string>())
        {
            bundleFiles[key] = text;
        }

        var bundle = new DefinitionBundle(WorkflowFile, "/work/project", bundleFiles);
        return new WorkflowDefinition
        {
            Name = "flow",
            Steps = new StepSequence([], SequenceRole.Root),
            Models = Object(workflowModels),
            Project = project,
            Hash = bundle.ComputeHash(),
            Source = bundle,
        };
    }

    private static JsonObject? Object(string? json) => json is null ? null : (JsonObject)JsonNode.Parse(json)!;
}
