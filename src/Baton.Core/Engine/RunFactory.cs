using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Secrets;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Checks what a run needs before anything is persisted, and builds its first record.</summary>
internal static class RunFactory
{
    /// <exception cref="WorkflowInputException">The inputs do not match the input schema.</exception>
    /// <exception cref="RunStartException">A required environment variable or a declared secret has no value, or, for a run without a parent, a start check found a problem.</exception>
    public static RunRecord NewRun(WorkflowDefinition definition, JsonObject inputs, EngineServices services, DateTimeOffset now, (RunId Run, long StepSeq)? parent = null, RunId? id = null)
    {
        inputs = InputValidator.ApplyDefaults(definition, inputs);
        var inputErrors = InputValidator.Validate(definition, inputs);
        if (inputErrors.Count > 0)
        {
            throw new WorkflowInputException(definition.Name, inputErrors);
        }

        var problems = new List<string>();
        var env = new JsonObject();
        foreach (var variable in definition.Env)
        {
            var value = Environment.GetEnvironmentVariable(variable.Name);
            if (string.IsNullOrEmpty(value))
            {
                value = variable.DefaultValue;
            }

            if (value is null && variable.Required)
            {
                problems.Add($"The environment variable {variable.Name} is not set, and the workflow declares no default for it. Set it, or give it a default under 'env:'.");
            }

            env[variable.Name] = value;
        }

        foreach (var name in definition.Secrets)
        {
            if (!services.Secrets.TryGetSecret(name, out var secret))
            {
                problems.Add($"The secret {name} has no value. Set the environment variable {EnvironmentSecretProvider.Prefix}{name}, or add \"{name}\" to the secrets file.");
            }
            else
            {
                services.Masker.Add([secret]);
            }
        }

        if (parent is null)
        {
            // A child's definition is part of its parent's: the checks looked at it when the parent started.
            problems.AddRange(services.StartChecks.SelectMany(check => check.Check(definition)));
        }

        if (problems.Count > 0)
        {
            throw new RunStartException(definition.Name, problems);
        }

        return new RunRecord
        {
            Id = id ?? RunId.New(services.TimeProvider),
            WorkflowName = definition.Name,
            DefinitionHash = definition.Hash,
            Status = RunStatus.Running,
            Inputs = (JsonObject)(services.Masker.MaskNode(inputs.DeepClone()) ?? new JsonObject()),
            Env = (JsonObject)services.Masker.MaskNode(env)!,
            CreatedAt = now,
            UpdatedAt = now,
            ReadyAt = now,
            ParentRunId = parent?.Run,
            ParentStepSeq = parent?.StepSeq,
            WorkingDirectory = definition.Source.BaseDirectory,
        };
    }
}
