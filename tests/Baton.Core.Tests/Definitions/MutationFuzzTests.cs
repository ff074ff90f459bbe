using System.Text;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Core.Tests.Definitions;

/// <summary>
/// Seeded mutation fuzzing: thousands of broken variants of valid workflows and of a project config (lines deleted,
/// duplicated, swapped, re-indented; characters and YAML syntax inserted). The compiler must never throw and must locate
/// every failure, and every variant that still compiles must be accepted by the published schema (so the two cannot drift).
/// </summary>
public sealed class MutationFuzzTests
{
    private const int MutantsPerFixture = 5000;

    private static readonly string[] Fragments =
    [
        ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a ", "!!str ", "!!int ", "!custom ", "|", ">-", "\"", "'", "#", "---\n", "...\n",
        "${{", "}}", "${{ steps.", "${{ inputs.x ?? }}", "? ", "\t", "%YAML 1.2\n", "<<: *a\n", "\\u00", "0x", ".inf", "~", "\n  ", "id: ",
        "steps:\n  - ", "goto: ", "workflow: { path: x.yaml }", "\0", "\uFEFF", "😀", "\r", "foreach: { items: ${{ item }} }",
        "0o777777777777777777777777", "0xFFFFFFFFFFFFFFFFFFFFFFFF", "models:\n  ", "scripted/x", "script: x.yaml", "script: ../", "model: ", "openai/", "base-url: ", "http://", "max-tokens: ",
    ];

    public static TheoryData<string, int> Fixtures_() => new()
    {
        { "good/every-kind.yaml", 1 },
        { "good/incident.yaml", 2 },
        { "good/loops.yaml", 3 },
        { "good/custom-kind.yaml", 4 },
    };

    [Theory]
    [MemberData(nameof(Fixtures_))]
    public void Compile_MutatedWorkflow_NeverThrowsAndLocatesEveryFailure(string fixture, int seed)
    {
        var notify = Fixtures.Read("good/shared/notify.yaml");
        var customKinds = new Dictionary<string, JsonObject?> { ["llm"] = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("model") } };
        var scenario = new Scenario(
            "w.yaml",
            mutant => new DefinitionBundle("w.yaml", "/fuzz", new Dictionary<string, string> { ["w.yaml"] = mutant, ["shared/notify.yaml"] = notify }),
            new WorkflowCompiler(new WorkflowCompilerOptions { CustomKinds = customKinds }),
            PublishedSchema.Load(WorkflowLanguageSchema.Generate(customKinds)));

        Run(scenario, Fixtures.Read(fixture), seed);
    }

    /// <summary>A workflow with AI steps (custom kinds with schemas, templates in their configurations), models, scripts and a workflow tool.</summary>
    [Fact]
    public void Compile_MutatedAiWorkflow_NeverThrowsAndLocatesEveryFailure()
    {
        var scenario = new Scenario(
            "w.yaml",
            mutant => AiBundle(mutant, Fixtures.Read("good/ai/baton.yaml")),
            new WorkflowCompiler(AiKindSchemas.Options),
            PublishedSchema.Load(WorkflowLanguageSchema.Generate(AiKindSchemas.Kinds)));

        Run(scenario, Fixtures.Read("good/ai/support.yaml"), 5);
    }

    /// <summary>The project config: every variant that still compiles is accepted by the published project config schema.</summary>
    [Fact]
    public void Compile_MutatedProjectConfig_NeverThrowsAndLocatesEveryFailure()
    {
        var scenario = new Scenario(
            "baton.yaml",
            mutant => AiBundle(Fixtures.Read("good/ai/support.yaml"), mutant),
            new WorkflowCompiler(AiKindSchemas.Options),
            PublishedSchema.Load(WorkflowLanguageSchema.GenerateProjectConfig()));

        Run(scenario, Fixtures.Read("good/ai/baton.yaml"), 6);
    }

    private static DefinitionBundle AiBundle(string workflow, string project) => new(
        "w.yaml",
        "/fuzz",
        new Dictionary<string, string>
        {
            ["w.yaml"] = workflow,
            ["baton.yaml"] = project,
            ["refund.yaml"] = Fixtures.Read("good/ai/refund.yaml"),
            ["scripted/triage.yaml"] = Fixtures.Read("good/ai/scripted/triage.yaml"),
            ["scripted/draft.yaml"] = Fixtures.Read("good/ai/scripted/draft.yaml"),
        },
        "baton.yaml");

    private static void Run(Scenario scenario, string text, int seed)
    {
        var random = new Random(seed);
        var problems = new List<string>();
        var failures = 0;

        for (var i = 0; i < MutantsPerFixture; i++)
        {
            var mutant = Mutate(text, random);
            CompilationResult result;
            try
            {
                result = scenario.Compiler.Compile(scenario.BundleOf(mutant));
            }
            catch (Exception ex)
            {
                problems.Add($"mutant {i} threw {ex.GetType().Name}: {ex.Message}\n{mutant}");
                continue;
            }

            var lines = mutant.Split('\n').Length + 1;
            foreach (var d in result.Diagnostics)
            {
                if (d.Code == DiagnosticCodes.InternalError || d.Location.Line < 1 || d.Location.Column < 1 || (d.Location.File == scenario.MutatedKey && d.Location.Line > lines))
                {
                    problems.Add($"mutant {i}: {d}\n{mutant}");
                }
            }

            if (!result.Success)
            {
                failures++;
                if (!result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    problems.Add($"mutant {i} failed without an error\n{mutant}");
                }
            }
            else if (result.Definition!.Hash != result.Definition.Source.ComputeHash())
            {
                problems.Add($"mutant {i} has a hash that is not its bundle's");
            }
            else if (ToJson(mutant) is { } json && scenario.Schema.Validate(json) is { Count: > 0 } schemaErrors)
            {
                problems.Add($"mutant {i} compiles but the published schema rejects it: {string.Join(", ", schemaErrors)}\n{mutant}");
            }
        }

        problems.Should().BeEmpty(string.Join("\n----\n", problems.Take(3)));
        failures.Should().BeGreaterThan(MutantsPerFixture / 2, "most mutations break a file, so the fuzzer really exercises the error paths");
    }

    /// <summary>The file as JSON; null for a file without a document (an empty project config), which no schema describes.</summary>
    private static string? ToJson(string yaml) => YamlReader.Read(yaml, "w.yaml", new DiagnosticBag(), allowEmpty: true)?.ToJson()?.ToJsonString();

    private static string Mutate(string text, Random random)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text, random);
        }

        return text;
    }

    private static string MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(10))
        {
            case 0:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2:
                (lines[line], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[line]);
                break;
            case 3:
                var shift = random.Next(-4, 5);
                lines[line] = shift >= 0 ? new string(' ', shift) + lines[line] : lines[line][Math.Min(-shift, lines[line].Length - lines[line].TrimStart().Length)..];
                break;
            case 4:
                return Insert(text, ((char)random.Next(0, 0x3000)).ToString(), random);
            case 5:
            case 6:
                return Insert(text, Fragments[random.Next(Fragments.Length)], random);
            case 7:
                var start = random.Next(text.Length);
                return text.Remove(start, Math.Min(random.Next(1, 20), text.Length - start));
            case 8:
                lines[line] = new string(' ', random.Next(0, 8)) + Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)];
                break;
            default:
                return text[..random.Next(text.Length)];
        }

        return string.Join('\n', lines);
    }

    private static string Insert(string text, string fragment, Random random)
        => new StringBuilder(text).Insert(random.Next(text.Length + 1), fragment).ToString();

    /// <summary>What one fuzz run mutates, how the mutant is bundled, and the schema that must accept every mutant that compiles.</summary>
    private sealed record Scenario(string MutatedKey, Func<string, DefinitionBundle> BundleOf, WorkflowCompiler Compiler, PublishedSchema Schema);
}
