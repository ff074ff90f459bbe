namespace Baton.Core.Tests.Expressions;

public class TextFunctionTests
{
    private const string Data = """{ "s": "Hello, World", "list": ["a", 1, { "k": [2] }, null], "map": { "key": 1 }, "missing": null }""";

    [Theory]
    [InlineData("contains(s, 'World')", true)]
    [InlineData("contains(s, 'world')", false)]
    [InlineData("contains(list, { k: [2] })", true)]
    [InlineData("contains(list, 1.0)", true)]
    [InlineData("contains(list, '1')", false)]
    [InlineData("contains(list, null)", true)]
    [InlineData("contains(map, 'key')", true)]
    [InlineData("contains(map, 'nope')", false)]
    [InlineData("contains(missing, 'x')", false)]
    public void Contains_Haystack_FindsTheNeedle(string expression, bool expected)
    {
        Expr.Json(expression, Data).Should().Be(expected ? "true" : "false");
    }

    [Theory]
    [InlineData("contains(5, 'x')", "Function 'contains' expects a string, a list or a mapping as its first argument, not a number in 'contains(5, 'x')'.")]
    [InlineData("contains(s, 5)", "Function 'contains' expects a string as its second argument, not a number in 'contains(s, 5)'.")]
    public void Contains_WrongKinds_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("startsWith(s, 'Hello')", "true")]
    [InlineData("startsWith(s, 'hello')", "false")]
    [InlineData("endsWith(s, 'World')", "true")]
    [InlineData("endsWith(s, '')", "true")]
    [InlineData("endsWith(missing, 'x')", "false")]
    public void StartsWithEndsWith_AreOrdinal(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("startsWith(1, 'a')")]
    [InlineData("endsWith(s, [])")]
    public void StartsWithEndsWith_NonString_Fails(string expression)
    {
        Expr.Fails(expression, Data).Message.Should().Contain("expects a string as its");
    }

    [Theory]
    [InlineData("lower(s)", "\"hello, world\"")]
    [InlineData("upper('straße i')", "\"STRAßE I\"")]
    [InlineData("trim('  a b \\t')", "\"a b \\\\t\"")]
    [InlineData("trim(\"\n x \n\")", "\"x\"")]
    [InlineData("lower(missing)", "\"\"")]
    public void LowerUpperTrim_String_Transforms(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("lower(list)")]
    [InlineData("upper(1)")]
    [InlineData("trim(true)")]
    public void LowerUpperTrim_NonString_Fails(string expression)
    {
        Expr.Fails(expression, Data).Message.Should().Contain("expects a string as its first argument");
    }

    [Theory]
    [InlineData("replace('a-b-c', '-', '+')", "\"a+b+c\"")]
    [InlineData("replace('aaa', 'aa', 'b')", "\"ba\"")]
    [InlineData("replace('Aa', 'a', '')", "\"A\"")]
    [InlineData("replace('ab', 'b', null)", "\"a\"")]
    public void Replace_EveryOccurrence_IsReplaced(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Replace_EmptyOldText_Fails()
    {
        Expr.Fails("replace(s, '', 'x')", Data).Message.Should().Be("Function 'replace' needs a non-empty text to replace as its second argument in 'replace(s, '', 'x')'.");
    }

    [Theory]
    [InlineData("split('a,b,,c', ',')", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("split('a::b', '::')", "[\"a\",\"b\"]")]
    [InlineData("split('abc', ',')", "[\"abc\"]")]
    [InlineData("split('', ',')", "[]")]
    [InlineData("split(missing, ',')", "[]")]
    public void Split_Text_GivesAListOfStrings(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Split_EmptySeparator_Fails()
    {
        Expr.Fails("split(s, '')", Data).Message.Should().Contain("needs a non-empty separator");
    }

    [Theory]
    [InlineData("join(list)", "\"a,1,{\\\"k\\\":[2]},\"")]
    [InlineData("join(['a', 'b'], ' / ')", "\"a / b\"")]
    [InlineData("join([], '-')", "\"\"")]
    [InlineData("join(missing)", "\"\"")]
    public void Join_Items_AreJoinedAsText(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Join_NotAList_Fails()
    {
        Expr.Fails("join(s)", Data).Message.Should().Be("Function 'join' expects a list as its first argument, not a string in 'join(s)'.");
    }

    [Theory]
    [InlineData("substring(s, 7)", "\"World\"")]
    [InlineData("substring(s, 0, 5)", "\"Hello\"")]
    [InlineData("substring(s, 7, 100)", "\"World\"")]
    [InlineData("substring(s, -3, 2)", "\"He\"")]
    [InlineData("substring(s, 100)", "\"\"")]
    [InlineData("substring(s, 2, -1)", "\"\"")]
    [InlineData("substring(s, 1.9, 2.9)", "\"el\"")]
    public void Substring_Range_IsClampedToTheString(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Substring_NonNumberStart_Fails()
    {
        Expr.Fails("substring(s, '1')", Data).Message.Should().Contain("expects a number as its second argument, not a string");
    }

    [Theory]
    [InlineData("indexOf(s, 'o')", "4")]
    [InlineData("indexOf(s, 'z')", "-1")]
    [InlineData("indexOf(list, 1)", "1")]
    [InlineData("indexOf(list, { k: [2] })", "2")]
    [InlineData("indexOf(list, 'b')", "-1")]
    [InlineData("indexOf(missing, 'b')", "-1")]
    public void IndexOf_Needle_GivesItsPosition(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void IndexOf_Mapping_Fails()
    {
        Expr.Fails("indexOf(map, 'key')", Data).Message.Should().Contain("expects a string or a list as its first argument, not a mapping");
    }

    [Theory]
    [InlineData("format('{0} and {1}', 'a', 2)", "\"a and 2\"")]
    [InlineData("format('{1}{0}{1}', 'a', 'b')", "\"bab\"")]
    [InlineData("format('{{0}} is {0}', null)", "\"{0} is \"")]
    [InlineData("format('}}{{')", "\"}{\"")]
    [InlineData("format('{0}', list)", "\"[\\\"a\\\",1,{\\\"k\\\":[2]},null]\"")]
    [InlineData("format('{0}{1}{2}{3}{4}', 1, 2, 3, 4, 5)", "\"12345\"")]
    public void Format_Placeholders_AreReplaced(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("format('{1}', 'a')", "has no argument for placeholder {1}: it was given 1 after the format")]
    [InlineData("format('{x}', 'a')", "found an invalid placeholder at position 0 of its format")]
    [InlineData("format('{0', 'a')", "found an invalid placeholder at position 0 of its format")]
    [InlineData("format('a}', 'a')", "found a lone '}' at position 1 of its format")]
    [InlineData("format('{99999999999}', 'a')", "found an invalid placeholder")]
    public void Format_BadFormat_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("matches(s, '^Hello, \\w+$')", "true")]
    [InlineData("matches(s, 'world')", "false")]
    [InlineData("matches(s, '(?i)world')", "true")]
    [InlineData("matches(s, list[0] + '|W')", "true")]
    [InlineData("matches(missing, '^$')", "true")]
    public void Matches_Pattern_TestsTheText(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Matches_InvalidComputedPattern_Fails()
    {
        Expr.Fails("matches(s, '[' + 'a')", Data).Message.Should().StartWith("Function 'matches' got an invalid regular expression:");
    }

    [Fact]
    public void Matches_CatastrophicPattern_StopsAtTheTimeLimit()
    {
        var context = """{ "text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "pattern": "(a+)+$" }""";

        Expr.Fails("matches(text, pattern)", context).Message.Should().Be(
            "Function 'matches' gave up after 100 ms: simplify the pattern in 'matches(text, pattern)'.");
        Expr.Fails("matches(text, '(a+)+$')", context).Message.Should().StartWith("Function 'matches' gave up after 100 ms");
    }
}
