"""GENERATED from the model's JSON Schema (schema 1.1) by
`python -m extract.model --write-validator`. Do not edit: regenerate it after changing extract/model.py."""
# fmt: off
SCHEMA_SHA256 = "7c9baaac9b1a3e47c15156b728ba552acbc756f7bb08a02717812866c220a5ba"
VERSION = "2.22.3"
from decimal import Decimal


class JsonSchemaValueException(ValueError):
    """fastjsonschema's JsonSchemaValueException as this code raises it: a message."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message, self.value, self.name, self.definition, self.rule = message, value, name, definition, rule


JsonSchemaValuesException = JsonSchemaValueException   # raised only without fast_fail: never here


NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['source', 'meta']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "schema_version" in data_keys:
            data_keys.remove("schema_version")
            data__schemaversion = data["schema_version"]
            if not isinstance(data__schemaversion, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema_version must be string")
        else: data["schema_version"] = '1.1'
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            validate____defs_source(data__source, custom_formats, (name_prefix or "data") + ".source")
        if "meta" in data_keys:
            data_keys.remove("meta")
            data__meta = data["meta"]
            validate____defs_meta(data__meta, custom_formats, (name_prefix or "data") + ".meta")
        if "outline" in data_keys:
            data_keys.remove("outline")
            data__outline = data["outline"]
            if not isinstance(data__outline, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outline must be array")
            data__outline_is_list = isinstance(data__outline, (list, tuple))
            if data__outline_is_list:
                data__outline_len = len(data__outline)
                for data__outline_x, data__outline_item in enumerate(data__outline):
                    validate____defs_heading(data__outline_item, custom_formats, (name_prefix or "data") + ".outline[{data__outline_x}]".format(**locals()))
        else: data["outline"] = []
        if "tasks" in data_keys:
            data_keys.remove("tasks")
            data__tasks = data["tasks"]
            if not isinstance(data__tasks, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tasks must be array")
            data__tasks_is_list = isinstance(data__tasks, (list, tuple))
            if data__tasks_is_list:
                data__tasks_len = len(data__tasks)
                for data__tasks_x, data__tasks_item in enumerate(data__tasks):
                    validate____defs_task(data__tasks_item, custom_formats, (name_prefix or "data") + ".tasks[{data__tasks_x}]".format(**locals()))
        else: data["tasks"] = []
        if "boxes" in data_keys:
            data_keys.remove("boxes")
            data__boxes = data["boxes"]
            if not isinstance(data__boxes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".boxes must be array")
            data__boxes_is_list = isinstance(data__boxes, (list, tuple))
            if data__boxes_is_list:
                data__boxes_len = len(data__boxes)
                for data__boxes_x, data__boxes_item in enumerate(data__boxes):
                    validate____defs_box(data__boxes_item, custom_formats, (name_prefix or "data") + ".boxes[{data__boxes_x}]".format(**locals()))
        else: data["boxes"] = []
        if "tables" in data_keys:
            data_keys.remove("tables")
            data__tables = data["tables"]
            if not isinstance(data__tables, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tables must be array")
            data__tables_is_list = isinstance(data__tables, (list, tuple))
            if data__tables_is_list:
                data__tables_len = len(data__tables)
                for data__tables_x, data__tables_item in enumerate(data__tables):
                    validate____defs_table(data__tables_item, custom_formats, (name_prefix or "data") + ".tables[{data__tables_x}]".format(**locals()))
        else: data["tables"] = []
        if "indicators" in data_keys:
            data_keys.remove("indicators")
            data__indicators = data["indicators"]
            if not isinstance(data__indicators, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".indicators must be array")
            data__indicators_is_list = isinstance(data__indicators, (list, tuple))
            if data__indicators_is_list:
                data__indicators_len = len(data__indicators)
                for data__indicators_x, data__indicators_item in enumerate(data__indicators):
                    validate____defs_indicator(data__indicators_item, custom_formats, (name_prefix or "data") + ".indicators[{data__indicators_x}]".format(**locals()))
        else: data["indicators"] = []
        if "projects" in data_keys:
            data_keys.remove("projects")
            data__projects = data["projects"]
            if not isinstance(data__projects, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".projects must be array")
            data__projects_is_list = isinstance(data__projects, (list, tuple))
            if data__projects_is_list:
                data__projects_len = len(data__projects)
                for data__projects_x, data__projects_item in enumerate(data__projects):
                    validate____defs_project(data__projects_item, custom_formats, (name_prefix or "data") + ".projects[{data__projects_x}]".format(**locals()))
        else: data["projects"] = []
        if "warnings" in data_keys:
            data_keys.remove("warnings")
            data__warnings = data["warnings"]
            if not isinstance(data__warnings, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".warnings must be array")
            data__warnings_is_list = isinstance(data__warnings, (list, tuple))
            if data__warnings_is_list:
                data__warnings_len = len(data__warnings)
                for data__warnings_x, data__warnings_item in enumerate(data__warnings):
                    validate____defs_warning(data__warnings_item, custom_formats, (name_prefix or "data") + ".warnings[{data__warnings_x}]".format(**locals()))
        else: data["warnings"] = []
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            data__text_any_of_count1 = 0
            if not data__text_any_of_count1:
                try:
                    if not isinstance(data__text, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
                    data__text_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__text_any_of_count1:
                try:
                    if not isinstance(data__text, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be null")
                    data__text_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__text_any_of_count1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text cannot be validated by any definition")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_warning(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['code', 'message']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "code" in data_keys:
            data_keys.remove("code")
            data__code = data["code"]
            if not isinstance(data__code, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".code must be string")
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            if not isinstance(data__message, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".message must be string")
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            data__span_any_of_count2 = 0
            if not data__span_any_of_count2:
                try:
                    if not isinstance(data__span, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
                    data__span_is_list = isinstance(data__span, (list, tuple))
                    if data__span_is_list:
                        data__span_len = len(data__span)
                        if data__span_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                        if data__span_len > 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                        for data__span_x, data__span_item in enumerate(data__span):
                            if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
                    data__span_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count2:
                try:
                    if not isinstance(data__span, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be null")
                    data__span_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count2:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span cannot be validated by any definition")
        else: data["span"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_project(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'source']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "content" in data_keys:
            data_keys.remove("content")
            data__content = data["content"]
            data__content_any_of_count3 = 0
            if not data__content_any_of_count3:
                try:
                    if not isinstance(data__content, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".content must be string")
                    data__content_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__content_any_of_count3:
                try:
                    if not isinstance(data__content, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".content must be null")
                    data__content_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__content_any_of_count3:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".content cannot be validated by any definition")
        else: data["content"] = None
        if "nature" in data_keys:
            data_keys.remove("nature")
            data__nature = data["nature"]
            data__nature_any_of_count4 = 0
            if not data__nature_any_of_count4:
                try:
                    if not isinstance(data__nature, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature must be string")
                    data__nature_any_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__nature_any_of_count4:
                try:
                    if not isinstance(data__nature, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature must be null")
                    data__nature_any_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__nature_any_of_count4:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature cannot be validated by any definition")
        else: data["nature"] = None
        if "budget" in data_keys:
            data_keys.remove("budget")
            data__budget = data["budget"]
            data__budget_any_of_count5 = 0
            if not data__budget_any_of_count5:
                try:
                    validate____defs_money(data__budget, custom_formats, (name_prefix or "data") + ".budget")
                    data__budget_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__budget_any_of_count5:
                try:
                    if not isinstance(data__budget, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".budget must be null")
                    data__budget_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__budget_any_of_count5:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".budget cannot be validated by any definition")
        else: data["budget"] = None
        if "start" in data_keys:
            data_keys.remove("start")
            data__start = data["start"]
            data__start_any_of_count6 = 0
            if not data__start_any_of_count6:
                try:
                    if not isinstance(data__start, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".start must be string")
                    data__start_any_of_count6 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__start_any_of_count6:
                try:
                    if not isinstance(data__start, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".start must be null")
                    data__start_any_of_count6 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__start_any_of_count6:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".start cannot be validated by any definition")
        else: data["start"] = None
        if "box" in data_keys:
            data_keys.remove("box")
            data__box = data["box"]
            data__box_any_of_count7 = 0
            if not data__box_any_of_count7:
                try:
                    if not isinstance(data__box, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".box must be string")
                    data__box_any_of_count7 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__box_any_of_count7:
                try:
                    if not isinstance(data__box, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".box must be null")
                    data__box_any_of_count7 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__box_any_of_count7:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".box cannot be validated by any definition")
        else: data["box"] = None
        if "section" in data_keys:
            data_keys.remove("section")
            data__section = data["section"]
            data__section_any_of_count8 = 0
            if not data__section_any_of_count8:
                try:
                    if not isinstance(data__section, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be string")
                    data__section_any_of_count8 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count8:
                try:
                    if not isinstance(data__section, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be null")
                    data__section_any_of_count8 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count8:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".section cannot be validated by any definition")
        else: data["section"] = None
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            validate____defs_itemsource(data__source, custom_formats, (name_prefix or "data") + ".source")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_itemsource(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not isinstance(data__kind, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be string")
            if not (isinstance(data__kind, str) and data__kind == 'table' or isinstance(data__kind, str) and data__kind == 'box' or isinstance(data__kind, str) and data__kind == 'text'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['table', 'box', 'text']")
        if "table" in data_keys:
            data_keys.remove("table")
            data__table = data["table"]
            data__table_any_of_count9 = 0
            if not data__table_any_of_count9:
                try:
                    if not isinstance(data__table, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must be string")
                    data__table_any_of_count9 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__table_any_of_count9:
                try:
                    if not isinstance(data__table, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must be null")
                    data__table_any_of_count9 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__table_any_of_count9:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table cannot be validated by any definition")
        else: data["table"] = None
        if "row" in data_keys:
            data_keys.remove("row")
            data__row = data["row"]
            data__row_any_of_count10 = 0
            if not data__row_any_of_count10:
                try:
                    if not isinstance(data__row, (int)) and not (isinstance(data__row, float) and data__row.is_integer()) or isinstance(data__row, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".row must be integer")
                    data__row_any_of_count10 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__row_any_of_count10:
                try:
                    if not isinstance(data__row, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".row must be null")
                    data__row_any_of_count10 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__row_any_of_count10:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".row cannot be validated by any definition")
        else: data["row"] = None
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            data__span_any_of_count11 = 0
            if not data__span_any_of_count11:
                try:
                    if not isinstance(data__span, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
                    data__span_is_list = isinstance(data__span, (list, tuple))
                    if data__span_is_list:
                        data__span_len = len(data__span)
                        if data__span_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                        if data__span_len > 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                        for data__span_x, data__span_item in enumerate(data__span):
                            if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
                    data__span_any_of_count11 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count11:
                try:
                    if not isinstance(data__span, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be null")
                    data__span_any_of_count11 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count11:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span cannot be validated by any definition")
        else: data["span"] = None
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            data__page_any_of_count12 = 0
            if not data__page_any_of_count12:
                try:
                    if not isinstance(data__page, (int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer")
                    data__page_any_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count12:
                try:
                    if not isinstance(data__page, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be null")
                    data__page_any_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count12:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page cannot be validated by any definition")
        else: data["page"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_money(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['raw']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "raw" in data_keys:
            data_keys.remove("raw")
            data__raw = data["raw"]
            if not isinstance(data__raw, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".raw must be string")
        if "wan" in data_keys:
            data_keys.remove("wan")
            data__wan = data["wan"]
            data__wan_any_of_count13 = 0
            if not data__wan_any_of_count13:
                try:
                    if not isinstance(data__wan, (int, float, Decimal)) or isinstance(data__wan, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".wan must be number")
                    data__wan_any_of_count13 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__wan_any_of_count13:
                try:
                    if not isinstance(data__wan, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".wan must be null")
                    data__wan_any_of_count13 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__wan_any_of_count13:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".wan cannot be validated by any definition")
        else: data["wan"] = None
        if "approx" in data_keys:
            data_keys.remove("approx")
            data__approx = data["approx"]
            if not isinstance(data__approx, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".approx must be boolean")
        else: data["approx"] = False
        if "high" in data_keys:
            data_keys.remove("high")
            data__high = data["high"]
            data__high_any_of_count14 = 0
            if not data__high_any_of_count14:
                try:
                    if not isinstance(data__high, (int, float, Decimal)) or isinstance(data__high, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".high must be number")
                    data__high_any_of_count14 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__high_any_of_count14:
                try:
                    if not isinstance(data__high, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".high must be null")
                    data__high_any_of_count14 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__high_any_of_count14:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".high cannot be validated by any definition")
        else: data["high"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_indicator(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'source']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            data__category_any_of_count15 = 0
            if not data__category_any_of_count15:
                try:
                    if not isinstance(data__category, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be string")
                    data__category_any_of_count15 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__category_any_of_count15:
                try:
                    if not isinstance(data__category, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be null")
                    data__category_any_of_count15 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__category_any_of_count15:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category cannot be validated by any definition")
        else: data["category"] = None
        if "unit" in data_keys:
            data_keys.remove("unit")
            data__unit = data["unit"]
            data__unit_any_of_count16 = 0
            if not data__unit_any_of_count16:
                try:
                    if not isinstance(data__unit, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit must be string")
                    data__unit_any_of_count16 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__unit_any_of_count16:
                try:
                    if not isinstance(data__unit, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit must be null")
                    data__unit_any_of_count16 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__unit_any_of_count16:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit cannot be validated by any definition")
        else: data["unit"] = None
        if "baseline" in data_keys:
            data_keys.remove("baseline")
            data__baseline = data["baseline"]
            data__baseline_any_of_count17 = 0
            if not data__baseline_any_of_count17:
                try:
                    validate____defs_quantity(data__baseline, custom_formats, (name_prefix or "data") + ".baseline")
                    data__baseline_any_of_count17 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__baseline_any_of_count17:
                try:
                    if not isinstance(data__baseline, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".baseline must be null")
                    data__baseline_any_of_count17 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__baseline_any_of_count17:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".baseline cannot be validated by any definition")
        else: data["baseline"] = None
        if "target" in data_keys:
            data_keys.remove("target")
            data__target = data["target"]
            data__target_any_of_count18 = 0
            if not data__target_any_of_count18:
                try:
                    validate____defs_quantity(data__target, custom_formats, (name_prefix or "data") + ".target")
                    data__target_any_of_count18 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__target_any_of_count18:
                try:
                    if not isinstance(data__target, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".target must be null")
                    data__target_any_of_count18 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__target_any_of_count18:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".target cannot be validated by any definition")
        else: data["target"] = None
        if "nature" in data_keys:
            data_keys.remove("nature")
            data__nature = data["nature"]
            data__nature_any_of_count19 = 0
            if not data__nature_any_of_count19:
                try:
                    if not isinstance(data__nature, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature must be string")
                    if not (isinstance(data__nature, str) and data__nature == '预期性' or isinstance(data__nature, str) and data__nature == '约束性' or isinstance(data__nature, str) and data__nature == '指导性' or isinstance(data__nature, str) and data__nature == '倡导性'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature must be one of ['预期性', '约束性', '指导性', '倡导性']")
                    data__nature_any_of_count19 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__nature_any_of_count19:
                try:
                    if not isinstance(data__nature, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature must be null")
                    data__nature_any_of_count19 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__nature_any_of_count19:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nature cannot be validated by any definition")
        else: data["nature"] = None
        if "canonical" in data_keys:
            data_keys.remove("canonical")
            data__canonical = data["canonical"]
            data__canonical_any_of_count20 = 0
            if not data__canonical_any_of_count20:
                try:
                    if not isinstance(data__canonical, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".canonical must be string")
                    data__canonical_any_of_count20 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__canonical_any_of_count20:
                try:
                    if not isinstance(data__canonical, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".canonical must be null")
                    data__canonical_any_of_count20 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__canonical_any_of_count20:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".canonical cannot be validated by any definition")
        else: data["canonical"] = None
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            validate____defs_itemsource(data__source, custom_formats, (name_prefix or "data") + ".source")
        if "seq" in data_keys:
            data_keys.remove("seq")
            data__seq = data["seq"]
            data__seq_any_of_count21 = 0
            if not data__seq_any_of_count21:
                try:
                    if not isinstance(data__seq, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".seq must be string")
                    data__seq_any_of_count21 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__seq_any_of_count21:
                try:
                    if not isinstance(data__seq, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".seq must be null")
                    data__seq_any_of_count21 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__seq_any_of_count21:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".seq cannot be validated by any definition")
        else: data["seq"] = None
        if "group" in data_keys:
            data_keys.remove("group")
            data__group = data["group"]
            data__group_any_of_count22 = 0
            if not data__group_any_of_count22:
                try:
                    if not isinstance(data__group, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".group must be string")
                    data__group_any_of_count22 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__group_any_of_count22:
                try:
                    if not isinstance(data__group, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".group must be null")
                    data__group_any_of_count22 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__group_any_of_count22:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".group cannot be validated by any definition")
        else: data["group"] = None
        if "note" in data_keys:
            data_keys.remove("note")
            data__note = data["note"]
            data__note_any_of_count23 = 0
            if not data__note_any_of_count23:
                try:
                    if not isinstance(data__note, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".note must be string")
                    data__note_any_of_count23 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__note_any_of_count23:
                try:
                    if not isinstance(data__note, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".note must be null")
                    data__note_any_of_count23 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__note_any_of_count23:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".note cannot be validated by any definition")
        else: data["note"] = None
        if "targets" in data_keys:
            data_keys.remove("targets")
            data__targets = data["targets"]
            if not isinstance(data__targets, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".targets must be array")
            data__targets_is_list = isinstance(data__targets, (list, tuple))
            if data__targets_is_list:
                data__targets_len = len(data__targets)
                for data__targets_x, data__targets_item in enumerate(data__targets):
                    validate____defs_quantity(data__targets_item, custom_formats, (name_prefix or "data") + ".targets[{data__targets_x}]".format(**locals()))
        else: data["targets"] = []
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not isinstance(data__status, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be string")
            if not (isinstance(data__status, str) and data__status == 'target' or isinstance(data__status, str) and data__status == 'achieved'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['target', 'achieved']")
        else: data["status"] = 'target'
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_quantity(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['raw', 'op']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "year" in data_keys:
            data_keys.remove("year")
            data__year = data["year"]
            data__year_any_of_count24 = 0
            if not data__year_any_of_count24:
                try:
                    if not isinstance(data__year, (int)) and not (isinstance(data__year, float) and data__year.is_integer()) or isinstance(data__year, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".year must be integer")
                    data__year_any_of_count24 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__year_any_of_count24:
                try:
                    if not isinstance(data__year, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".year must be null")
                    data__year_any_of_count24 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__year_any_of_count24:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".year cannot be validated by any definition")
        else: data["year"] = None
        if "raw" in data_keys:
            data_keys.remove("raw")
            data__raw = data["raw"]
            if not isinstance(data__raw, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".raw must be string")
        if "op" in data_keys:
            data_keys.remove("op")
            data__op = data["op"]
            if not isinstance(data__op, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".op must be string")
            if not (isinstance(data__op, str) and data__op == '=' or isinstance(data__op, str) and data__op == '<=' or isinstance(data__op, str) and data__op == '>=' or isinstance(data__op, str) and data__op == '<' or isinstance(data__op, str) and data__op == '>' or isinstance(data__op, str) and data__op == '~' or isinstance(data__op, str) and data__op == 'range' or isinstance(data__op, str) and data__op == 'trend' or isinstance(data__op, str) and data__op == 'none'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".op must be one of ['=', '<=', '>=', '<', '>', '~', 'range', 'trend', 'none']")
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            data__value_any_of_count25 = 0
            if not data__value_any_of_count25:
                try:
                    if not isinstance(data__value, (int, float, Decimal)) or isinstance(data__value, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be number")
                    data__value_any_of_count25 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__value_any_of_count25:
                try:
                    if not isinstance(data__value, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be null")
                    data__value_any_of_count25 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__value_any_of_count25:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value cannot be validated by any definition")
        else: data["value"] = None
        if "high" in data_keys:
            data_keys.remove("high")
            data__high = data["high"]
            data__high_any_of_count26 = 0
            if not data__high_any_of_count26:
                try:
                    if not isinstance(data__high, (int, float, Decimal)) or isinstance(data__high, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".high must be number")
                    data__high_any_of_count26 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__high_any_of_count26:
                try:
                    if not isinstance(data__high, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".high must be null")
                    data__high_any_of_count26 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__high_any_of_count26:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".high cannot be validated by any definition")
        else: data["high"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_table(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'kind', 'columns', 'rows', 'span']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "section" in data_keys:
            data_keys.remove("section")
            data__section = data["section"]
            data__section_any_of_count27 = 0
            if not data__section_any_of_count27:
                try:
                    if not isinstance(data__section, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be string")
                    data__section_any_of_count27 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count27:
                try:
                    if not isinstance(data__section, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be null")
                    data__section_any_of_count27 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count27:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".section cannot be validated by any definition")
        else: data["section"] = None
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not isinstance(data__kind, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be string")
            if not (isinstance(data__kind, str) and data__kind == 'indicators' or isinstance(data__kind, str) and data__kind == 'projects' or isinstance(data__kind, str) and data__kind == 'other'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['indicators', 'projects', 'other']")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            data__title_any_of_count28 = 0
            if not data__title_any_of_count28:
                try:
                    if not isinstance(data__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
                    data__title_any_of_count28 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__title_any_of_count28:
                try:
                    if not isinstance(data__title, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be null")
                    data__title_any_of_count28 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__title_any_of_count28:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title cannot be validated by any definition")
        else: data["title"] = None
        if "columns" in data_keys:
            data_keys.remove("columns")
            data__columns = data["columns"]
            if not isinstance(data__columns, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".columns must be array")
            data__columns_is_list = isinstance(data__columns, (list, tuple))
            if data__columns_is_list:
                data__columns_len = len(data__columns)
                for data__columns_x, data__columns_item in enumerate(data__columns):
                    if not isinstance(data__columns_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".columns[{data__columns_x}]".format(**locals()) + " must be string")
        if "rows" in data_keys:
            data_keys.remove("rows")
            data__rows = data["rows"]
            if not isinstance(data__rows, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rows must be array")
            data__rows_is_list = isinstance(data__rows, (list, tuple))
            if data__rows_is_list:
                data__rows_len = len(data__rows)
                for data__rows_x, data__rows_item in enumerate(data__rows):
                    if not isinstance(data__rows_item, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rows[{data__rows_x}]".format(**locals()) + " must be array")
                    data__rows_item_is_list = isinstance(data__rows_item, (list, tuple))
                    if data__rows_item_is_list:
                        data__rows_item_len = len(data__rows_item)
                        for data__rows_item_x, data__rows_item_item in enumerate(data__rows_item):
                            if not isinstance(data__rows_item_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rows[{data__rows_x}][{data__rows_item_x}]".format(**locals()) + " must be string")
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            if not isinstance(data__span, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
            data__span_is_list = isinstance(data__span, (list, tuple))
            if data__span_is_list:
                data__span_len = len(data__span)
                if data__span_len < 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                if data__span_len > 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                for data__span_x, data__span_item in enumerate(data__span):
                    if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
        if "pages" in data_keys:
            data_keys.remove("pages")
            data__pages = data["pages"]
            data__pages_any_of_count29 = 0
            if not data__pages_any_of_count29:
                try:
                    if not isinstance(data__pages, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be array")
                    data__pages_is_list = isinstance(data__pages, (list, tuple))
                    if data__pages_is_list:
                        data__pages_len = len(data__pages)
                        for data__pages_x, data__pages_item in enumerate(data__pages):
                            if not isinstance(data__pages_item, (int)) and not (isinstance(data__pages_item, float) and data__pages_item.is_integer()) or isinstance(data__pages_item, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages[{data__pages_x}]".format(**locals()) + " must be integer")
                    data__pages_any_of_count29 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__pages_any_of_count29:
                try:
                    if not isinstance(data__pages, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be null")
                    data__pages_any_of_count29 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__pages_any_of_count29:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages cannot be validated by any definition")
        else: data["pages"] = None
        if "row_spans" in data_keys:
            data_keys.remove("row_spans")
            data__rowspans = data["row_spans"]
            if not isinstance(data__rowspans, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".row_spans must be array")
            data__rowspans_is_list = isinstance(data__rowspans, (list, tuple))
            if data__rowspans_is_list:
                data__rowspans_len = len(data__rowspans)
                for data__rowspans_x, data__rowspans_item in enumerate(data__rowspans):
                    if not isinstance(data__rowspans_item, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".row_spans[{data__rowspans_x}]".format(**locals()) + " must be array")
                    data__rowspans_item_is_list = isinstance(data__rowspans_item, (list, tuple))
                    if data__rowspans_item_is_list:
                        data__rowspans_item_len = len(data__rowspans_item)
                        if data__rowspans_item_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".row_spans[{data__rowspans_x}]".format(**locals()) + " must contain at least 2 items")
                        if data__rowspans_item_len > 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".row_spans[{data__rowspans_x}]".format(**locals()) + " must contain less than or equal to 2 items")
                        for data__rowspans_item_x, data__rowspans_item_item in enumerate(data__rowspans_item):
                            if not isinstance(data__rowspans_item_item, (int)) and not (isinstance(data__rowspans_item_item, float) and data__rowspans_item_item.is_integer()) or isinstance(data__rowspans_item_item, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".row_spans[{data__rowspans_x}][{data__rowspans_item_x}]".format(**locals()) + " must be integer")
        else: data["row_spans"] = []
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_box(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'span']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "section" in data_keys:
            data_keys.remove("section")
            data__section = data["section"]
            data__section_any_of_count30 = 0
            if not data__section_any_of_count30:
                try:
                    if not isinstance(data__section, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be string")
                    data__section_any_of_count30 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count30:
                try:
                    if not isinstance(data__section, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be null")
                    data__section_any_of_count30 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count30:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".section cannot be validated by any definition")
        else: data["section"] = None
        if "number" in data_keys:
            data_keys.remove("number")
            data__number = data["number"]
            data__number_any_of_count31 = 0
            if not data__number_any_of_count31:
                try:
                    if not isinstance(data__number, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".number must be string")
                    data__number_any_of_count31 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__number_any_of_count31:
                try:
                    if not isinstance(data__number, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".number must be null")
                    data__number_any_of_count31 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__number_any_of_count31:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".number cannot be validated by any definition")
        else: data["number"] = None
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
        if "items" in data_keys:
            data_keys.remove("items")
            data__items = data["items"]
            if not isinstance(data__items, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".items must be array")
            data__items_is_list = isinstance(data__items, (list, tuple))
            if data__items_is_list:
                data__items_len = len(data__items)
                for data__items_x, data__items_item in enumerate(data__items):
                    if not isinstance(data__items_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".items[{data__items_x}]".format(**locals()) + " must be string")
        else: data["items"] = []
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            if not isinstance(data__span, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
            data__span_is_list = isinstance(data__span, (list, tuple))
            if data__span_is_list:
                data__span_len = len(data__span)
                if data__span_len < 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                if data__span_len > 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                for data__span_x, data__span_item in enumerate(data__span):
                    if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            data__page_any_of_count32 = 0
            if not data__page_any_of_count32:
                try:
                    if not isinstance(data__page, (int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer")
                    data__page_any_of_count32 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count32:
                try:
                    if not isinstance(data__page, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be null")
                    data__page_any_of_count32 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count32:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page cannot be validated by any definition")
        else: data["page"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_task(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'text', 'span']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "section" in data_keys:
            data_keys.remove("section")
            data__section = data["section"]
            data__section_any_of_count33 = 0
            if not data__section_any_of_count33:
                try:
                    if not isinstance(data__section, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be string")
                    data__section_any_of_count33 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count33:
                try:
                    if not isinstance(data__section, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be null")
                    data__section_any_of_count33 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__section_any_of_count33:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".section cannot be validated by any definition")
        else: data["section"] = None
        if "number" in data_keys:
            data_keys.remove("number")
            data__number = data["number"]
            data__number_any_of_count34 = 0
            if not data__number_any_of_count34:
                try:
                    if not isinstance(data__number, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".number must be string")
                    data__number_any_of_count34 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__number_any_of_count34:
                try:
                    if not isinstance(data__number, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".number must be null")
                    data__number_any_of_count34 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__number_any_of_count34:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".number cannot be validated by any definition")
        else: data["number"] = None
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
        if "responsible" in data_keys:
            data_keys.remove("responsible")
            data__responsible = data["responsible"]
            if not isinstance(data__responsible, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responsible must be array")
            data__responsible_is_list = isinstance(data__responsible, (list, tuple))
            if data__responsible_is_list:
                data__responsible_len = len(data__responsible)
                for data__responsible_x, data__responsible_item in enumerate(data__responsible):
                    if not isinstance(data__responsible_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".responsible[{data__responsible_x}]".format(**locals()) + " must be string")
        else: data["responsible"] = []
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            if not isinstance(data__span, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
            data__span_is_list = isinstance(data__span, (list, tuple))
            if data__span_is_list:
                data__span_len = len(data__span)
                if data__span_len < 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                if data__span_len > 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                for data__span_x, data__span_item in enumerate(data__span):
                    if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            data__page_any_of_count35 = 0
            if not data__page_any_of_count35:
                try:
                    if not isinstance(data__page, (int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer")
                    data__page_any_of_count35 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count35:
                try:
                    if not isinstance(data__page, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be null")
                    data__page_any_of_count35 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count35:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page cannot be validated by any definition")
        else: data["page"] = None
        if "deadline" in data_keys:
            data_keys.remove("deadline")
            data__deadline = data["deadline"]
            data__deadline_any_of_count36 = 0
            if not data__deadline_any_of_count36:
                try:
                    if not isinstance(data__deadline, (int)) and not (isinstance(data__deadline, float) and data__deadline.is_integer()) or isinstance(data__deadline, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline must be integer")
                    data__deadline_any_of_count36 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__deadline_any_of_count36:
                try:
                    if not isinstance(data__deadline, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline must be null")
                    data__deadline_any_of_count36 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__deadline_any_of_count36:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline cannot be validated by any definition")
        else: data["deadline"] = None
        if "lead" in data_keys:
            data_keys.remove("lead")
            data__lead = data["lead"]
            if not isinstance(data__lead, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lead must be array")
            data__lead_is_list = isinstance(data__lead, (list, tuple))
            if data__lead_is_list:
                data__lead_len = len(data__lead)
                for data__lead_x, data__lead_item in enumerate(data__lead):
                    if not isinstance(data__lead_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".lead[{data__lead_x}]".format(**locals()) + " must be string")
        else: data["lead"] = []
        if "support" in data_keys:
            data_keys.remove("support")
            data__support = data["support"]
            if not isinstance(data__support, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".support must be array")
            data__support_is_list = isinstance(data__support, (list, tuple))
            if data__support_is_list:
                data__support_len = len(data__support)
                for data__support_x, data__support_item in enumerate(data__support):
                    if not isinstance(data__support_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".support[{data__support_x}]".format(**locals()) + " must be string")
        else: data["support"] = []
        if "implied" in data_keys:
            data_keys.remove("implied")
            data__implied = data["implied"]
            if not isinstance(data__implied, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".implied must be array")
            data__implied_is_list = isinstance(data__implied, (list, tuple))
            if data__implied_is_list:
                data__implied_len = len(data__implied)
                for data__implied_x, data__implied_item in enumerate(data__implied):
                    if not isinstance(data__implied_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".implied[{data__implied_x}]".format(**locals()) + " must be string")
        else: data["implied"] = []
        if "deadline_text" in data_keys:
            data_keys.remove("deadline_text")
            data__deadlinetext = data["deadline_text"]
            data__deadlinetext_any_of_count37 = 0
            if not data__deadlinetext_any_of_count37:
                try:
                    if not isinstance(data__deadlinetext, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline_text must be string")
                    data__deadlinetext_any_of_count37 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__deadlinetext_any_of_count37:
                try:
                    if not isinstance(data__deadlinetext, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline_text must be null")
                    data__deadlinetext_any_of_count37 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__deadlinetext_any_of_count37:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline_text cannot be validated by any definition")
        else: data["deadline_text"] = None
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            data__source_any_of_count38 = 0
            if not data__source_any_of_count38:
                try:
                    validate____defs_tasksource(data__source, custom_formats, (name_prefix or "data") + ".source")
                    data__source_any_of_count38 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__source_any_of_count38:
                try:
                    if not isinstance(data__source, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be null")
                    data__source_any_of_count38 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__source_any_of_count38:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source cannot be validated by any definition")
        else: data["source"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_tasksource(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not isinstance(data__kind, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be string")
            if not (isinstance(data__kind, str) and data__kind == 'text' or isinstance(data__kind, str) and data__kind == 'table'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['text', 'table']")
        if "table" in data_keys:
            data_keys.remove("table")
            data__table = data["table"]
            data__table_any_of_count39 = 0
            if not data__table_any_of_count39:
                try:
                    if not isinstance(data__table, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must be string")
                    data__table_any_of_count39 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__table_any_of_count39:
                try:
                    if not isinstance(data__table, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must be null")
                    data__table_any_of_count39 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__table_any_of_count39:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table cannot be validated by any definition")
        else: data["table"] = None
        if "row" in data_keys:
            data_keys.remove("row")
            data__row = data["row"]
            data__row_any_of_count40 = 0
            if not data__row_any_of_count40:
                try:
                    if not isinstance(data__row, (int)) and not (isinstance(data__row, float) and data__row.is_integer()) or isinstance(data__row, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".row must be integer")
                    data__row_any_of_count40 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__row_any_of_count40:
                try:
                    if not isinstance(data__row, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".row must be null")
                    data__row_any_of_count40 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__row_any_of_count40:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".row cannot be validated by any definition")
        else: data["row"] = None
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            data__span_any_of_count41 = 0
            if not data__span_any_of_count41:
                try:
                    if not isinstance(data__span, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
                    data__span_is_list = isinstance(data__span, (list, tuple))
                    if data__span_is_list:
                        data__span_len = len(data__span)
                        if data__span_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                        if data__span_len > 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                        for data__span_x, data__span_item in enumerate(data__span):
                            if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
                    data__span_any_of_count41 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count41:
                try:
                    if not isinstance(data__span, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be null")
                    data__span_any_of_count41 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__span_any_of_count41:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span cannot be validated by any definition")
        else: data["span"] = None
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            data__page_any_of_count42 = 0
            if not data__page_any_of_count42:
                try:
                    if not isinstance(data__page, (int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer")
                    data__page_any_of_count42 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count42:
                try:
                    if not isinstance(data__page, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be null")
                    data__page_any_of_count42 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count42:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page cannot be validated by any definition")
        else: data["page"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_heading(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'level', 'number', 'title', 'span']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not isinstance(data__level, (int)) and not (isinstance(data__level, float) and data__level.is_integer()) or isinstance(data__level, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be integer")
        if "number" in data_keys:
            data_keys.remove("number")
            data__number = data["number"]
            if not isinstance(data__number, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".number must be string")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
        if "parent" in data_keys:
            data_keys.remove("parent")
            data__parent = data["parent"]
            data__parent_any_of_count43 = 0
            if not data__parent_any_of_count43:
                try:
                    if not isinstance(data__parent, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".parent must be string")
                    data__parent_any_of_count43 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__parent_any_of_count43:
                try:
                    if not isinstance(data__parent, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".parent must be null")
                    data__parent_any_of_count43 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__parent_any_of_count43:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".parent cannot be validated by any definition")
        else: data["parent"] = None
        if "span" in data_keys:
            data_keys.remove("span")
            data__span = data["span"]
            if not isinstance(data__span, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must be array")
            data__span_is_list = isinstance(data__span, (list, tuple))
            if data__span_is_list:
                data__span_len = len(data__span)
                if data__span_len < 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain at least 2 items")
                if data__span_len > 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".span must contain less than or equal to 2 items")
                for data__span_x, data__span_item in enumerate(data__span):
                    if not isinstance(data__span_item, (int)) and not (isinstance(data__span_item, float) and data__span_item.is_integer()) or isinstance(data__span_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".span[{data__span_x}]".format(**locals()) + " must be integer")
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            data__page_any_of_count44 = 0
            if not data__page_any_of_count44:
                try:
                    if not isinstance(data__page, (int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer")
                    data__page_any_of_count44 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count44:
                try:
                    if not isinstance(data__page, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be null")
                    data__page_any_of_count44 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__page_any_of_count44:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page cannot be validated by any definition")
        else: data["page"] = None
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_meta(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            data__title_any_of_count45 = 0
            if not data__title_any_of_count45:
                try:
                    if not isinstance(data__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
                    data__title_any_of_count45 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__title_any_of_count45:
                try:
                    if not isinstance(data__title, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be null")
                    data__title_any_of_count45 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__title_any_of_count45:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title cannot be validated by any definition")
        else: data["title"] = None
        if "issuer" in data_keys:
            data_keys.remove("issuer")
            data__issuer = data["issuer"]
            data__issuer_any_of_count46 = 0
            if not data__issuer_any_of_count46:
                try:
                    if not isinstance(data__issuer, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".issuer must be string")
                    data__issuer_any_of_count46 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__issuer_any_of_count46:
                try:
                    if not isinstance(data__issuer, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".issuer must be null")
                    data__issuer_any_of_count46 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__issuer_any_of_count46:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".issuer cannot be validated by any definition")
        else: data["issuer"] = None
        if "doc_number" in data_keys:
            data_keys.remove("doc_number")
            data__docnumber = data["doc_number"]
            data__docnumber_any_of_count47 = 0
            if not data__docnumber_any_of_count47:
                try:
                    if not isinstance(data__docnumber, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_number must be string")
                    data__docnumber_any_of_count47 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__docnumber_any_of_count47:
                try:
                    if not isinstance(data__docnumber, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_number must be null")
                    data__docnumber_any_of_count47 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__docnumber_any_of_count47:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_number cannot be validated by any definition")
        else: data["doc_number"] = None
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            data__date_any_of_count48 = 0
            if not data__date_any_of_count48:
                try:
                    if not isinstance(data__date, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string")
                    data__date_any_of_count48 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__date_any_of_count48:
                try:
                    if not isinstance(data__date, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be null")
                    data__date_any_of_count48 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__date_any_of_count48:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".date cannot be validated by any definition")
        else: data["date"] = None
        if "period" in data_keys:
            data_keys.remove("period")
            data__period = data["period"]
            data__period_any_of_count49 = 0
            if not data__period_any_of_count49:
                try:
                    validate____defs_period(data__period, custom_formats, (name_prefix or "data") + ".period")
                    data__period_any_of_count49 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__period_any_of_count49:
                try:
                    if not isinstance(data__period, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".period must be null")
                    data__period_any_of_count49 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__period_any_of_count49:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".period cannot be validated by any definition")
        else: data["period"] = None
        if "draft" in data_keys:
            data_keys.remove("draft")
            data__draft = data["draft"]
            if not isinstance(data__draft, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".draft must be boolean")
        else: data["draft"] = False
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_period(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'start', 'end']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "start" in data_keys:
            data_keys.remove("start")
            data__start = data["start"]
            if not isinstance(data__start, (int)) and not (isinstance(data__start, float) and data__start.is_integer()) or isinstance(data__start, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".start must be integer")
        if "end" in data_keys:
            data_keys.remove("end")
            data__end = data["end"]
            if not isinstance(data__end, (int)) and not (isinstance(data__end, float) and data__end.is_integer()) or isinstance(data__end, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".end must be integer")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_source(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['path', 'sha256', 'format']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "path" in data_keys:
            data_keys.remove("path")
            data__path = data["path"]
            if not isinstance(data__path, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be string")
        if "sha256" in data_keys:
            data_keys.remove("sha256")
            data__sha256 = data["sha256"]
            if not isinstance(data__sha256, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sha256 must be string")
        if "format" in data_keys:
            data_keys.remove("format")
            data__format = data["format"]
            if not isinstance(data__format, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".format must be string")
            if not (isinstance(data__format, str) and data__format == 'txt' or isinstance(data__format, str) and data__format == 'md' or isinstance(data__format, str) and data__format == 'docx' or isinstance(data__format, str) and data__format == 'doc' or isinstance(data__format, str) and data__format == 'pdf' or isinstance(data__format, str) and data__format == 'html' or isinstance(data__format, str) and data__format == 'ofd'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".format must be one of ['txt', 'md', 'docx', 'doc', 'pdf', 'html', 'ofd']")
        if "encoding" in data_keys:
            data_keys.remove("encoding")
            data__encoding = data["encoding"]
            data__encoding_any_of_count50 = 0
            if not data__encoding_any_of_count50:
                try:
                    if not isinstance(data__encoding, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".encoding must be string")
                    data__encoding_any_of_count50 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__encoding_any_of_count50:
                try:
                    if not isinstance(data__encoding, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".encoding must be null")
                    data__encoding_any_of_count50 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__encoding_any_of_count50:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".encoding cannot be validated by any definition")
        else: data["encoding"] = None
        if "pages" in data_keys:
            data_keys.remove("pages")
            data__pages = data["pages"]
            data__pages_any_of_count51 = 0
            if not data__pages_any_of_count51:
                try:
                    if not isinstance(data__pages, (int)) and not (isinstance(data__pages, float) and data__pages.is_integer()) or isinstance(data__pages, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be integer")
                    data__pages_any_of_count51 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__pages_any_of_count51:
                try:
                    if not isinstance(data__pages, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be null")
                    data__pages_any_of_count51 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__pages_any_of_count51:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages cannot be validated by any definition")
        else: data["pages"] = None
        if "ocr_pages" in data_keys:
            data_keys.remove("ocr_pages")
            data__ocrpages = data["ocr_pages"]
            if not isinstance(data__ocrpages, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ocr_pages must be array")
            data__ocrpages_is_list = isinstance(data__ocrpages, (list, tuple))
            if data__ocrpages_is_list:
                data__ocrpages_len = len(data__ocrpages)
                for data__ocrpages_x, data__ocrpages_item in enumerate(data__ocrpages):
                    if not isinstance(data__ocrpages_item, (int)) and not (isinstance(data__ocrpages_item, float) and data__ocrpages_item.is_integer()) or isinstance(data__ocrpages_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ocr_pages[{data__ocrpages_x}]".format(**locals()) + " must be integer")
        else: data["ocr_pages"] = []
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data