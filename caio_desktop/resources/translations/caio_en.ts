<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../../ui/changes/view.py" line="277"/>
        <source>%1 → %2: %n change(s)</source>
        <translation>
            <numerusform>%1 → %2: %n change</numerusform>
            <numerusform>%1 → %2: %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterWidget</name>
    <message numerus="yes">
        <source>%n row(s) pasted. Columns left out (no such field): %1</source>
        <translation>
            <numerusform>%n row pasted. Columns left out (no such field): %1</numerusform>
            <numerusform>%n rows pasted. Columns left out (no such field): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="222"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="321"/>
        <source>Delete %n row(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n row? You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Delete %n rows? You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message numerus="yes">
        <location filename="../../ui/diagnosis/surveys.py" line="296"/>
        <source>%n respondent(s)</source>
        <translation>
            <numerusform>%n respondent</numerusform>
            <numerusform>%n respondents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n matching row(s)</source>
        <translation>
            <numerusform>%n matching row</numerusform>
            <numerusform>%n matching rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n register(s)</source>
        <translation>
            <numerusform>%n register</numerusform>
            <numerusform>%n registers</numerusform>
        </translation>
    </message>
</context>
</TS>
