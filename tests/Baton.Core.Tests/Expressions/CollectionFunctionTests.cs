using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class CollectionFunctionTests
{
    private const string Data = """{ "l": [3, 1, 2, [4, [5]], 1], "m": { "b": 1, "a": [2] }, "e": [], "s": "hello", "n": null }""";

    [Theory]
    [InlineData("coalesce(n, null, 0, 1)", "0")]
    [InlineData("coalesce(n)", "null")]
    [InlineData("coalesce(n, m.b)", "1")]
    public void Coalesce_Arguments_GivesTheFirstNotNull(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Coalesce_NoArguments_IsAParseError()
    {
        Expr.SingleError(Template.ParseExpression("coalesce()")).Message.Should().Be("Function 'coalesce' takes at least 1 argument, but was given 0.");
    }

    [Theory]
    [InlineData("keys(m)", "[\"b\",\"a\"]")]
    [InlineData("values(m)", "[1,[2]]")]
    [InlineData("keys({})", "[]")]
    [InlineData("values(n)", "[]")]
    public void KeysValues_Mapping_InOrder(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("keys(l)")]
    [InlineData("values(s)")]
    public void KeysValues_NotAMapping_Fails(string expression)
    {
        Expr.Fails(expression, Data).Message.Should().Contain("expects a mapping as its first argument");
    }

    [Theory]
    [InlineData("first(l)", "3")]
    [InlineData("last(l)", "1")]
    [InlineData("first(e)", "null")]
    [InlineData("last(e)", "null")]
    [InlineData("first(n)", "null")]
    public void FirstLast_List_GivesTheEndItem(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("first(s)")]
    [InlineData("last(m)")]
    public void FirstLast_NotAList_Fails(string expression)
    {
        Expr.Fails(expression, Data).Message.Should().Contain("expects a list as its first argument");
    }

    [Theory]
    [InlineData("slice(l, 1, 3)", "[1,2]")]
    [InlineData("slice(l, -2)", "[[4,[5]],1]")]
    [InlineData("slice(l, 0, -3)", "[3,1]")]
    [InlineData("slice(l, 4, 2)", "[]")]
    [InlineData("slice(l, -100, 100)", "[3,1,2,[4,[5]],1]")]
    [InlineData("slice(s, 1, 3)", "\"el\"")]
    [InlineData("slice(s, -3)", "\"llo\"")]
    [InlineData("slice(s, 2, null)", "\"llo\"")]
    [InlineData("slice(n, 1)", "null")]
    public void Slice_Range_CountsNegativesFromTheEnd(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("slice(5, 1)", "expects a list or a string as its first argument, not a number")]
    [InlineData("slice(l, 'a')", "expects a number as its second argument, not a string")]
    public void Slice_WrongKinds_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("distinct(l)", "[3,1,2,[4,[5]]]")]
    [InlineData("distinct([1, 1.0, '1', [1], [1], { a: 1 }, { a: 1 }, null, null])", "[1,\"1\",[1],{\"a\":1},null]")]
    [InlineData("reverse(l)", "[1,[4,[5]],2,1,3]")]
    [InlineData("flatten(l)", "[3,1,2,4,[5],1]")]
    [InlineData("sort([3, 1, 2.5])", "[1,2.5,3]")]
    [InlineData("sort(['b', 'B', 'a'])", "[\"B\",\"a\",\"b\"]")]
    [InlineData("sort(e)", "[]")]
    [InlineData("distinct(n)", "[]")]
    [InlineData("reverse(n)", "[]")]
    [InlineData("flatten(n)", "[]")]
    public void ListFunctions_List_GiveANewList(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("distinct(s)", "expects a list as its first argument, not a string")]
    [InlineData("reverse(m)", "expects a list as its first argument, not a mapping")]
    [InlineData("flatten(1)", "expects a list as its first argument, not a number")]
    [InlineData("sort(l)", "sorts numbers or strings, but the list holds a number and a list")]
    [InlineData("sort([1, 'a'])", "sorts numbers or strings, but the list holds a number and a string")]
    [InlineData("sort([null])", "sorts numbers or strings, but the list holds null and null")]
    public void ListFunctions_WrongKinds_Fail(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Contain(message);
    }
}
