using System.Text.Json.Nodes;
using Baton.Expressions.Nodes;
using Baton.Expressions.Runtime;
using Baton.Expressions.Syntax;

namespace Baton.Core.Tests.Expressions;

/// <summary>Prints a parsed expression as an S-expression, so that tests can state the tree the parser built.</summary>
internal static class AstPrinter
{
    public static string Parse(string expression)
    {
        var tokens = Lexer.Lex(expression, 0, inTemplate: false).Tokens;
        return Print(Parser.Parse(expression, tokens, []));
    }

    public static string Print(ExpressionNode node) => node switch
    {
        LiteralNode literal => Literal(literal.Value),
        ExactNumberNode exact => exact.Evaluate(new EvalScope(new TestExpressionContext(), Value.Null)).Node!.ToJsonString(),
        RootNode root => root.Name,
        MemberNode member => $"(. {Print(member.Target)} {member.Name})",
        IndexNode index => $"([] {Print(index.Target)} {Print(index.Index)})",
        ProjectionNode projection => $"(* {Print(projection.Source)} {Print(projection.Body)})",
        ProjectionItemNode => "@",
        NotNode not => $"(! {Print(not.Operand)})",
        NegateNode negate => $"(neg {Print(negate.Operand)})",
        ArithmeticNode arithmetic => $"({Symbol(arithmetic.Operator)} {Print(arithmetic.Left)} {Print(arithmetic.Right)})",
        ComparisonNode comparison => $"({Symbol(comparison.Operator)} {Print(comparison.Left)} {Print(comparison.Right)})",
        AndNode and => $"(&& {Print(and.Left)} {Print(and.Right)})",
        OrNode or => $"(|| {Print(or.Left)} {Print(or.Right)})",
        CoalesceNode coalesce => $"(?? {Print(coalesce.Left)} {Print(coalesce.Right)})",
        ConditionalNode conditional => $"(? {Print(conditional.Condition)} {Print(conditional.WhenTrue)} {Print(conditional.WhenFalse)})",
        ListNode list => $"[{string.Join(" ", list.Items.Select(Print))}]",
        MappingNode mapping => $"{{{string.Join(", ", mapping.Keys.Zip(mapping.Values, (k, v) => $"{k}: {Print(v)}"))}}}",
        CallNode call => $"({call.Function.Name}{string.Concat(call.Arguments.Select(a => " " + Print(a)))})",
        _ => throw new InvalidOperationException($"No printer for {node.GetType().Name}."),
    };

    private static string Literal(Value value) => value.Kind switch
    {
        ValueKind.String => JsonValue.Create(value.GetString()).ToJsonString(ValueText.JsonOptions),
        _ => ValueText.ToText(value) is "" ? "null" : ValueText.ToText(value),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Remainder => "%",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };
}
