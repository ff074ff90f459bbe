using System.Text.RegularExpressions;
using Baton.Definitions.Compiler;

namespace Baton.Core.Tests.Definitions;

/// <summary>
/// Which <c>steps.X</c> a template may read: only steps certain to have finished (language.md, "Flow").
/// Each case writes one reference into one place of the same workflow and checks whether BATON046 is reported.
/// </summary>
public sealed partial class DominanceTests
{
    private const string Workflow = """
        name: dom
        steps:
          - id: a
            set: { r: "REF_a" }
            compensate:
              - id: a-undo
                set: { r: "REF_a-undo" }
          - id: par
            parallel:
              - id: b1
                set: { r: "REF_b1" }
              - id: b2
                steps:
                  - id: b2-first
                    set: { r: "REF_b2-first" }
                  - id: b2-second
                    set: { r: "REF_b2-second" }
          - id: each
            foreach:
              items: ${{ [1, 2] }}
              steps:
                - id: body1
                  set: { r: "REF_body1" }
                - id: body2
                  set: { r: "REF_body2" }
          - id: sw
            if: "REF_sw"
            switch:
              cases:
                - when: "true"
                  steps:
                    - id: case1
                      set: { r: "REF_case1" }
              default:
                steps:
                  - id: dflt
                    set: { r: "REF_dflt" }
          - id: z
            set: { r: "REF_z" }
            on-error: { continue: "REF_z-continue" }
        outputs: "REF_outputs"
        """;

    [Theory]
    [InlineData("a", "a", false)]
    [InlineData("a-undo", "a", true)]
    [InlineData("a-undo", "par", false)]
    [InlineData("b1", "a", true)]
    [InlineData("b1", "b2", false)]
    [InlineData("b1", "b2-first", false)]
    [InlineData("b1", "par", false)]
    [InlineData("b2-second", "b2-first", true)]
    [InlineData("b2-first", "b2-second", false)]
    [InlineData("b2-second", "a", true)]
    [InlineData("body2", "body1", true)]
    [InlineData("body1", "body2", false)]
    [InlineData("body1", "b2-first", true)]
    [InlineData("body1", "each", false)]
    [InlineData("sw", "each", true)]
    [InlineData("sw", "body1", false)]
    [InlineData("sw", "b2-second", true)]
    [InlineData("case1", "b1", true)]
    [InlineData("dflt", "case1", false)]
    [InlineData("case1", "sw", false)]
    [InlineData("z", "case1", true)]
    [InlineData("z", "body2", false)]
    [InlineData("z", "a-undo", false)]
    [InlineData("z", "z", false)]
    [InlineData("z-continue", "z", true)]
    [InlineData("z-continue", "a", true)]
    [InlineData("outputs", "z", true)]
    [InlineData("outputs", "case1", true)]
    [InlineData("outputs", "a-undo", true)]
    [InlineData("outputs", "body1", false)]
    public void Compile_StepReference_AllowedOnlyWhenCertainToHaveFinished(string from, string target, bool allowed)
    {
        var yaml = Placeholder().Replace(Workflow, m => m.Groups[1].Value == from ? $"${{{{ steps.{target}.status }}}}" : "true");

        var result = Fixtures.Compile(yaml);

        result.Diagnostics.Where(d => d.Code != DiagnosticCodes.StepNotFinished).Should().BeEmpty();
        result.Diagnostics.Any(d => d.Code == DiagnosticCodes.StepNotFinished).Should().Be(!allowed);
    }

    [Fact]
    public void Compile_ForEachBodyFromOutside_SuggestsTheForEachOutput()
    {
        var yaml = Placeholder().Replace(Workflow, m => m.Groups[1].Value == "z" ? "${{ steps.body1.output }}" : "true");

        var result = Fixtures.Compile(yaml);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should()
            .Be("'steps.body1' is not certain to have finished here: it is inside foreach step 'each', whose body runs once per item; read steps.each.output instead (step 'body1' is at line 22).");
    }

    [GeneratedRegex("REF_([a-z0-9-]+)")]
    private static partial Regex Placeholder();
}
