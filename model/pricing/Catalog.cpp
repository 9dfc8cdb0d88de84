#include "pricing/Catalog.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace skyline {

// Generated from resources/pricing/*.json by EmbedCatalogs.cmake: file stem -> JSON text.
const std::map<std::string, std::string> &embeddedCatalogTexts();

namespace {

using nlohmann::json;

std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

bool readString(const json &object, const char *field, const std::string &where, bool required,
                std::string *out, std::string *error)
{
    auto it = object.find(field);
    if (it == object.end()) {
        if (required && error)
            *error = where + "/" + field + ": missing (expected a string)";
        return !required;
    }
    if (!it->is_string() || (required && it->get<std::string>().empty())) {
        if (error)
            *error = where + "/" + field + ": expected a non-empty string";
        return false;
    }
    *out = it->get<std::string>();
    return true;
}

bool readEntry(const json &item, const std::string &where, CatalogEntry *entry,
               std::string *error)
{
    if (!item.is_object()) {
        if (error)
            *error = where + ": expected an object";
        return false;
    }
    if (!readString(item, "key", where, true, &entry->key, error)
        || !readString(item, "unit", where, true, &entry->unit, error)
        || !readString(item, "date", where, true, &entry->date, error)
        || !readString(item, "note", where, false, &entry->note, error))
        return false;
    auto value = item.find("value");
    if (value == item.end() || !value->is_number() || !std::isfinite(value->get<double>())) {
        if (error)
            *error = where + "/value: expected a finite number";
        return false;
    }
    entry->value = value->get<double>();
    auto source = item.find("source");
    if (source == item.end() || !source->is_object()) {
        if (error)
            *error = where + "/source: expected an object with title and url";
        return false;
    }
    return readString(*source, "title", where + "/source", true, &entry->sourceTitle, error)
           && readString(*source, "url", where + "/source", true, &entry->sourceUrl, error);
}

struct BuiltIn
{
    std::map<std::string, Catalog> catalogs;
    std::map<std::string, std::string> errors;
};

const BuiltIn &builtIns()
{
    static const BuiltIn parsed = [] {
        BuiltIn result;
        for (const auto &[name, text] : embeddedCatalogTexts()) {
            std::string error;
            if (auto catalog = Catalog::parse(name, text, &error))
                result.catalogs.emplace(name, std::move(*catalog));
            else
                result.errors.emplace(name, error);
        }
        return result;
    }();
    return parsed;
}

} // namespace

std::string CatalogEntry::sourceText() const
{
    return sourceTitle + " <" + sourceUrl + "> (" + date + ")";
}

std::optional<Catalog> Catalog::parse(const std::string &name, const std::string &jsonText,
                                      std::string *error)
{
    const json root = json::parse(jsonText, nullptr, false);
    if (root.is_discarded()) {
        if (error)
            *error = "catalog " + name + ": not valid JSON";
        return std::nullopt;
    }
    if (!root.is_object()) {
        if (error)
            *error = "catalog " + name + ": expected a JSON object";
        return std::nullopt;
    }
    Catalog catalog;
    catalog.m_name = name;
    std::string fieldError;
    if (!readString(root, "provider", "", false, &catalog.m_provider, &fieldError)
        || !readString(root, "region", "", false, &catalog.m_region, &fieldError)
        || !readString(root, "date", "", false, &catalog.m_date, &fieldError)
        || !readString(root, "description", "", false, &catalog.m_description, &fieldError)) {
        if (error)
            *error = "catalog " + name + ": " + fieldError.substr(1);
        return std::nullopt;
    }
    auto entries = root.find("entries");
    if (entries == root.end() || !entries->is_array()) {
        if (error)
            *error = "catalog " + name + ": entries: expected an array";
        return std::nullopt;
    }
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const std::string where = "entries/" + std::to_string(i);
        CatalogEntry entry;
        if (!readEntry((*entries)[i], where, &entry, &fieldError)) {
            if (error)
                *error = "catalog " + name + ": " + fieldError;
            return std::nullopt;
        }
        if (catalog.m_index.count(entry.key)) {
            if (error)
                *error = "catalog " + name + ": " + where + "/key: duplicate key " + entry.key;
            return std::nullopt;
        }
        catalog.m_index.emplace(entry.key, catalog.m_entries.size());
        catalog.m_entries.push_back(std::move(entry));
    }
    return catalog;
}

const CatalogEntry *Catalog::find(const std::string &key) const
{
    auto it = m_index.find(key);
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

std::optional<PriceLookup> Catalog::lookup(const std::string &key,
                                           const std::map<std::string, double> &overrides) const
{
    const CatalogEntry *entry = find(key);
    auto override = overrides.find(key);
    if (override != overrides.end()) {
        std::string source = "project override";
        if (entry)
            source += " (replaces " + formatNumber(entry->value) + " from " + entry->sourceText()
                      + ")";
        return PriceLookup{override->second, source, true};
    }
    if (!entry)
        return std::nullopt;
    return PriceLookup{entry->value, entry->sourceText(), false};
}

std::vector<std::string> builtInCatalogNames()
{
    std::vector<std::string> names;
    for (const auto &[name, text] : embeddedCatalogTexts())
        names.push_back(name);
    return names;
}

const Catalog *builtInCatalog(const std::string &name)
{
    const auto &all = builtIns().catalogs;
    auto it = all.find(name);
    return it == all.end() ? nullptr : &it->second;
}

std::string builtInCatalogError(const std::string &name)
{
    const BuiltIn &all = builtIns();
    if (all.catalogs.count(name))
        return {};
    auto it = all.errors.find(name);
    if (it != all.errors.end())
        return it->second;
    return "unknown price catalog \"" + name + "\"";
}

} // namespace skyline
