using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class TemplateTests
{
    private const string Data = """
        { "inputs": { "name": "Ada", "n": 2.0, "id": 12345678901234567890, "obj": { "city": "Zürich", "q": "a\"b" }, "list": [1, "x", null],
                      "escaped": "tab\there", "big": 1.50 } }
        """;

    [Theory]
    [InlineData("plain text", true, false)]
    [InlineData("", true, false)]
    [InlineData("costs $5 or ${ x } or {{ y }}", true, false)]
    [InlineData("${{ inputs.name }}", false, true)]
    [InlineData("${{inputs.name}}", false, true)]
    [InlineData(" ${{ inputs.name }}", false, false)]
    [InlineData("${{ inputs.name }} ", false, false)]
    [InlineData("${{ 1 }}${{ 2 }}", false, false)]
    [InlineData("Hello ${{ inputs.name }}!", false, false)]
    public void Parse_Shape_TellsLiteralAndSingleExpression(string text, bool isLiteral, bool isSingle)
    {
        var template = Expr.Valid(Template.Parse(text));

        template.Text.Should().Be(text);
        template.ToString().Should().Be(text);
        template.IsLiteral.Should().Be(isLiteral);
        template.IsSingleExpression.Should().Be(isSingle);
    }

    [Fact]
    public void ParseExpression_Always_IsSingleExpression()
    {
        var template = Expr.Valid(Template.ParseExpression("inputs.n > 1"));

        template.IsSingleExpression.Should().BeTrue();
        template.IsLiteral.Should().BeFalse();
        template.Evaluate(new TestExpressionContext(Data))!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Evaluate_Literal_ReturnsItsText()
    {
        var template = Template.Parse("just text");

        Expr.ToJson(template.Evaluate(new TestExpressionContext())).Should().Be("\"just text\"");
        template.EvaluateToString(new TestExpressionContext()).Should().Be("just text");
    }

    [Theory]
    [InlineData("${{ 42 }}", "42")]
    [InlineData("${{ inputs.n }}", "2.0")]
    [InlineData("${{ inputs.id }}", "12345678901234567890")]
    [InlineData("${{ inputs.obj }}", "{\"city\":\"Zürich\",\"q\":\"a\\\"b\"}")]
    [InlineData("${{ inputs.list }}", "[1,\"x\",null]")]
    [InlineData("${{ inputs.missing }}", "null")]
    [InlineData("${{ true }}", "true")]
    [InlineData("${{ 'text' }}", "\"text\"")]
    [InlineData("${{ 12345678901234567890 }}", "12345678901234567890")]
    public void Evaluate_SingleExpression_KeepsTheValueType(string text, string json)
    {
        Expr.ToJson(Expr.Valid(Template.Parse(text)).Evaluate(new TestExpressionContext(Data))).Should().Be(json);
    }

    [Theory]
    [InlineData("Hello ${{ inputs.name }}!", "Hello Ada!")]
    [InlineData("[${{ inputs.missing }}]", "[]")]
    [InlineData("${{ true }}/${{ false }}", "true/false")]
    [InlineData("n=${{ inputs.n }}", "n=2.0")]
    [InlineData("n=${{ inputs.n * 1 }}", "n=2")]
    [InlineData("n=${{ 2.0 }}", "n=2")]
    [InlineData("n=${{ 0.1 + 0.2 }}", "n=0.30000000000000004")]
    [InlineData("n=${{ 1e21 }}", "n=1E+21")]
    [InlineData("n=${{ -0 }}", "n=0")]
    [InlineData("n=${{ 1 / 3 }}", "n=0.3333333333333333")]
    [InlineData("id=${{ inputs.id }}", "id=12345678901234567890")]
    [InlineData("big=${{ inputs.big }}", "big=1.50")]
    [InlineData("o=${{ inputs.obj }}", "o={\"city\":\"Zürich\",\"q\":\"a\\\"b\"}")]
    [InlineData("l=${{ inputs.list }}", "l=[1,\"x\",null]")]
    [InlineData("${{ inputs.escaped }}!", "tab\there!")]
    [InlineData("${{ inputs.obj.city }} ${{ inputs.name }}", "Zürich Ada")]
    [InlineData("a ${{ '}}' }} b", "a }} b")]
    [InlineData("${{ { a: 1 } }}x", "{\"a\":1}x")]
    [InlineData("${{ {a: {b: 1}}}}x", "{\"a\":{\"b\":1}}x")]
    [InlineData("${{ 1 }}}", "1}")]
    public void EvaluateToString_Interpolation_FormatsEachValue(string text, string expected)
    {
        Expr.Render(text, Data).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_Interpolation_ReturnsAStringNode()
    {
        var result = Expr.Valid(Template.Parse("${{ 1 }}${{ 2 }}")).Evaluate(new TestExpressionContext());

        result!.GetValue<string>().Should().Be("12");
    }

    [Fact]
    public void EvaluateToString_SingleExpression_ConvertsToText()
    {
        var template = Expr.Valid(Template.Parse("${{ inputs.obj }}"));

        template.EvaluateToString(new TestExpressionContext(Data)).Should().Be("{\"city\":\"Zürich\",\"q\":\"a\\\"b\"}");
    }

    [Fact]
    public void EvaluateToString_NumbersFromClrValues_UseInvariantText()
    {
        var context = new TestExpressionContext();
        context["a"] = JsonValue.Create(5);
        context["b"] = JsonValue.Create(2.5m);
        context["c"] = JsonValue.Create(1.25f);
        context["d"] = JsonValue.Create(long.MaxValue);
        context["e"] = JsonValue.Create('c');
        context["f"] = JsonValue.Create(ulong.MaxValue);
        context["g"] = JsonValue.Create((short)-4);
        context["h"] = JsonValue.Create((byte)8);

        Expr.Valid(Template.Parse("${{ a }} ${{ b }} ${{ c }} ${{ d }} ${{ e }} ${{ f }} ${{ a + b + c + g + h }} ${{ f > d }}")).EvaluateToString(context)
            .Should().Be("5 2.5 1.25 9223372036854775807 c 18446744073709551615 12.75 true");
    }

    [Fact]
    public void Evaluate_FailingPart_QuotesThatExpression()
    {
        var template = Expr.Valid(Template.Parse("ok ${{ inputs.name }} bad ${{ inputs.name - 1 }}"));

        var act = () => template.EvaluateToString(new TestExpressionContext(Data));

        act.Should().Throw<ExpressionException>().WithMessage("'-' needs two numbers, not a string and a number in 'inputs.name - 1'.");
    }

    [Fact]
    public void EvaluateToString_NestedEvaluationOnTheSameThread_KeepsBothTexts()
    {
        var inner = Expr.Valid(Template.Parse("inner ${{ inputs.name }} text"));
        var outer = Expr.Valid(Template.Parse("outer [${{ nested }}] done"));

        outer.EvaluateToString(new ReentrantContext(inner, new TestExpressionContext(Data))).Should().Be("outer [inner Ada text] done");
    }

    [Fact]
    public void EvaluateToString_ConcurrentThreads_GiveTheSameText()
    {
        var template = Expr.Valid(Template.Parse("${{ inputs.name }}:${{ inputs.list }}:${{ matches(inputs.name, '^A') }}:${{ inputs.id }}"));
        var context = new TestExpressionContext(Data);
        var expected = template.EvaluateToString(context);

        var results = new string[2000];
        Parallel.For(0, results.Length, i => results[i] = template.EvaluateToString(context));

        results.Should().AllBe(expected);
        expected.Should().Be("Ada:[1,\"x\",null]:true:12345678901234567890");
    }
}
