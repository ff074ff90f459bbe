using System.Text;
using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class ExpressionFuzzTests
{
    private const int Mutations = 20_000;

    private const string Data = """
        {
          "inputs": { "name": "Ada", "count": 3, "list": [1, 2, 3], "docs": [{ "path": "a" }, { "path": "b" }], "map": { "k": "v" },
                      "urgent": true, "id": 12345678901234567890, "text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" },
          "vars": { "attempts": 1, "odd key": null },
          "steps": { "ads": { "output": { "body": [{ "x": 1 }] }, "status": "succeeded" }, "ads-cache": { "output": "c" } },
          "env": { "API": "http://localhost" },
          "item": { "path": "p" },
          "index": 0
        }
        """;

    private static readonly string[] Corpus =
    [
        "Hello ${{ inputs.name }}!",
        "${{ inputs.count + 1 }}",
        "${{ (vars.attempts ?? 0) + 1 }}",
        "${{ steps.ads.output.body[0].x * 2 - 1 / 4 % 3 }}",
        "${{ steps.ads-cache.output }}/${{ env.API }}",
        "${{ inputs['odd key'] ?? inputs.list[-1] }}",
        "${{ inputs.docs.*.path }}",
        "${{ inputs.urgent ? 'high' : \"normal\" }}",
        "${{ !inputs.urgent && inputs.count >= 3 || inputs.count < 1 }}",
        "${{ inputs.name == 'Ada' != false }}",
        "${{ [1, 'two', [3], { a: 4, \"b c\": null }] }}",
        "${{ { name: inputs.name, 'full name': 'A ' + inputs.name } }}",
        "${{ toJson(steps.ads.output) }} and ${{ fromJson('{\"a\": [1, 2]}').a[1] }}",
        "${{ string(inputs.id) }} ${{ number('4.5') }} ${{ bool(0) }} ${{ len(inputs.list) }}",
        "${{ contains(inputs.list, 2) }} ${{ startsWith(inputs.name, 'A') }} ${{ endsWith(inputs.name, 'a') }}",
        "${{ lower(inputs.name) }}${{ upper('x') }}${{ trim(' y ') }}${{ replace('a-b', '-', '+') }}",
        "${{ split('a,b', ',') }} ${{ join(inputs.list, '; ') }} ${{ substring(inputs.name, 1, 2) }} ${{ indexOf(inputs.name, 'd') }}",
        "${{ format('{0} is {1}', inputs.name, inputs.count) }} ${{ matches(inputs.name, '^A\\w+') }}",
        "${{ matches(inputs.text, '^a+!$') }}",
        "${{ coalesce(vars.none, 1) }} ${{ keys(inputs.map) }} ${{ values(inputs.map) }} ${{ first(inputs.list) }} ${{ last(inputs.list) }}",
        "${{ slice(inputs.list, 1, -1) }} ${{ distinct([1, 1]) }} ${{ reverse(inputs.list) }} ${{ sort([3, 1]) }} ${{ flatten([[1], 2]) }}",
        "${{ sum(inputs.list) }} ${{ avg(inputs.list) }} ${{ min(inputs.list) }} ${{ max(1, 2) }} ${{ round(2.345, 2) }}",
        "${{ floor(1.5) }} ${{ ceil(1.5) }} ${{ abs(-1) }} ${{ now() }} ${{ addDuration(now(), '1h30m') }}",
        "${{ formatTime(now(), 'yyyy-MM-dd') }} ${{ base64Encode('x') }} ${{ base64Decode('eA==') }} ${{ urlEncode('a b') }} ${{ sha256('x') }}",
        "${{ item.path }}-${{ index }} ${{ 2e3 }} ${{ -1.5 }} ${{ 'it''s' }} ${{ \"say \\\"hi\\\"\" }}",
    ];

    private const string Alphabet = "${}[]().,'\"\\*?:!=<>&|+-/% 0123456789abexyz_é\n\t";

    [Fact]
    public void ParseAndEvaluate_MutatedTemplates_OnlyReportErrorsOrThrowExpressionException()
    {
        var random = new Random(20261121);
        var context = new TestExpressionContext(Data);
        var valid = 0;

        foreach (var source in Corpus)
        {
            Expr.Valid(Template.Parse(source));
        }

        for (var i = 0; i < Mutations; i++)
        {
            var text = Mutate(Corpus[random.Next(Corpus.Length)], random);

            var template = ParseChecked(() => Template.Parse(text), text);
            var bare = ParseChecked(() => Template.ParseExpression(text), text);

            foreach (var candidate in new[] { template, bare })
            {
                if (candidate.Errors.Count == 0)
                {
                    valid++;
                }

                EvaluateChecked(candidate, context);
            }
        }

        valid.Should().BeGreaterThan(Mutations / 10, "the mutations should also produce valid templates, so that evaluation is exercised");
    }

    private static Template ParseChecked(Func<Template> parse, string text)
    {
        Template template;
        try
        {
            template = parse();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Parsing '{text}' threw {e}");
        }

        foreach (var error in template.Errors)
        {
            (error.Offset >= 0 && error.Length >= 0 && error.Offset + error.Length <= text.Length)
                .Should().BeTrue("the error '{0}' at {1}+{2} should lie within '{3}'", error.Message, error.Offset, error.Length, text);
            error.Message.Should().MatchRegex(@"^\S[^\r\n]*[.?]$", "error messages are full sentences");
        }

        foreach (var reference in template.References)
        {
            (reference.Offset >= 0 && reference.Offset + reference.Length <= text.Length).Should().BeTrue();
            text.Substring(reference.Offset, reference.Root.Length).Should().Be(reference.Root);
        }

        return template;
    }

    private static void EvaluateChecked(Template template, TestExpressionContext context)
    {
        try
        {
            template.Evaluate(context);
            template.EvaluateToString(context);
        }
        catch (ExpressionException e)
        {
            e.Message.Should().NotBeNullOrWhiteSpace();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Evaluating '{template.Text}' threw {e}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && builder.Length > 0; e++)
        {
            var position = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1:
                    builder.Remove(position, 1);
                    break;
                case 2:
                    builder[position] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    builder.Length = position;
                    break;
                default:
                    // Duplicate a slice, which nests and repeats structures.
                    var length = random.Next(1, Math.Min(12, builder.Length - position) + 1);
                    builder.Insert(position, builder.ToString(position, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
