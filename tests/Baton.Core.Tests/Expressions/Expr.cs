using System.Text.Json.Nodes;
using Baton.Expressions;
using Baton.Expressions.Runtime;

namespace Baton.Core.Tests.Expressions;

/// <summary>Short helpers: parse a bare expression or a template, check that it is valid, and evaluate it.</summary>
internal static class Expr
{
    public static JsonNode? Eval(string expression, string contextJson = "{}") => Eval(expression, new TestExpressionContext(contextJson));

    public static JsonNode? Eval(string expression, TestExpressionContext context) => Valid(Template.ParseExpression(expression)).Evaluate(context);

    /// <summary>The result as compact JSON, so that tests can compare any kind of value in one assertion.</summary>
    public static string Json(string expression, string contextJson = "{}") => ToJson(Eval(expression, contextJson));

    public static string Render(string template, string contextJson = "{}")
        => Valid(Template.Parse(template)).EvaluateToString(new TestExpressionContext(contextJson));

    public static ExpressionException Fails(string expression, string contextJson = "{}")
    {
        var template = Valid(Template.ParseExpression(expression));
        var act = () => template.Evaluate(new TestExpressionContext(contextJson));
        return act.Should().Throw<ExpressionException>().Which;
    }

    public static string ToJson(JsonNode? node) => node?.ToJsonString(ValueText.JsonOptions) ?? "null";

    public static Template Valid(Template template)
    {
        template.Errors.Should().BeEmpty("'{0}' should parse", template.Text);
        return template;
    }

    public static ExpressionError SingleError(Template template)
    {
        template.Errors.Should().ContainSingle("'{0}' should have one error", template.Text);
        return template.Errors[0];
    }
}
