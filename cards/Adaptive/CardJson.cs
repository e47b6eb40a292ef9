using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kinerja.Cards;

/// <summary>
/// The serializer settings of the card model: camelCase names, nulls and empty lists omitted, enums as the schema's
/// camelCase strings, and non-ASCII text written as is (a card is JSON sent to Teams, never inlined into HTML, and
/// <c>\u00D7</c> for every "×" would eat into the 28 KB).
/// </summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyLists } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (typeof(ICollection).IsAssignableFrom(property.PropertyType)
                && property.AttributeProvider?.IsDefined(typeof(KeepEmptyAttribute), inherit: false) != true)
            {
                var inner = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) =>
                    value is not ICollection { Count: 0 } && (inner is null || inner(owner, value));
            }
        }
    }
}

/// <summary>An empty list of this property means something (refresh <c>userIds: []</c>): write it.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class KeepEmptyAttribute : Attribute;
