using System.Text.RegularExpressions;
using Baton.Definitions;

namespace Baton.AI.Tests.Steps;

/// <summary>
/// The YAML examples of docs/ai.md compile as the document presents them: the project config, the step fragments put
/// into one workflow around them, and the scripts. A reader who copies one gets a working start.
/// </summary>
public sealed partial class DocsExamplesTests
{
    [Fact]
    public async Task AIReference_EveryYamlExample_Compiles()
    {
        var blocks = YamlBlocks();
        blocks.Should().HaveCount(6, "the test places each block of docs/ai.md; a new block needs a place here");
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", blocks[0]);
        h.Write("scripted/triage.yaml", blocks[4]);
        h.Write("refund.yaml", """
            name: refund
            inputs:
              type: object
              required: [order]
              properties: { order: { type: string } }
            steps:
              - id: pay
                set: { refunded: "${{ inputs.order }}" }
            """);

        // The step fragments (an llm, a classify with its routing, an agent), with what they refer to around them.
        var workflow = string.Join('\n',
            """
            name: docs
            inputs:
              type: object
              properties: { ticket: { type: object } }
            env: [KB_API]
            steps:
              - id: figures
                set: { figures: { spend: 1 } }
            """,
            Indent(blocks[1]),
            Indent(blocks[2]),
            Indent(blocks[3]),
            """
              - id: human-triage
                approval: { title: Triage this ticket }
            """);

        var result = h.Engine.Compile(h.Write("docs.yaml", workflow));

        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty(workflow);
    }

    [Fact]
    public void AIReference_ScriptExamples_AreValidScripts()
    {
        var blocks = YamlBlocks();

        foreach (var script in new[] { blocks[4], blocks[5] })
        {
            var act = () => Scripted.Scripts.Client(script);
            act.Should().NotThrow(script);
        }
    }

    private static List<string> YamlBlocks()
    {
        var markdown = File.ReadAllText(RepositoryFile("docs/ai.md"));
        return [.. YamlBlock().Matches(markdown).Select(m => m.Groups[1].Value)];
    }

    private static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, relative)))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new FileNotFoundException($"'{relative}' was not found above {AppContext.BaseDirectory}.");
    }

    private static string Indent(string block)
        => string.Join('\n', block.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : "  " + l));

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
