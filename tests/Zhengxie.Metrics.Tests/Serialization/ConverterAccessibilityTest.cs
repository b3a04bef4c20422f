using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>
/// An application's own source-generated context creates the converter a library type's <see cref="JsonConverterAttribute"/> names,
/// in the application's assembly: a converter that is not public, or has no public parameterless constructor, makes the generator skip
/// the type (SYSLIB1220, then SYSLIB1030) and serialization fail at run time. This test project sees the library's internals, so it
/// checks the rule itself; the samples' test project, which does not, compiles and runs such a context (<c>ApplicationJsonContextTests</c>).
/// </summary>
public class ConverterAccessibilityTest
{
    [Fact]
    public void Every_converter_a_public_type_names_can_be_created_by_an_applications_generated_code()
    {
        var named = typeof(Figure).Assembly.GetExportedTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<JsonConverterAttribute>()))
            .Where(p => p.Attribute?.ConverterType is not null)
            .ToList();

        named.Should().Contain(p => p.Type == typeof(Figure), "the check must see the attributes");
        foreach (var (type, attribute) in named)
        {
            var converter = attribute!.ConverterType!;
            converter.IsVisible.Should().BeTrue("{0} names {1}, which an application's generated code must be able to create", type, converter);
            converter.GetConstructor(Type.EmptyTypes).Should().NotBeNull("{0} needs a public parameterless constructor ({1})", converter, type);
            var instance = (JsonConverter)Activator.CreateInstance(converter.IsGenericTypeDefinition ? converter.MakeGenericType(type) : converter)!;
            instance.CanConvert(type).Should().BeTrue("{0} converts {1}", converter, type);
        }
    }
}
