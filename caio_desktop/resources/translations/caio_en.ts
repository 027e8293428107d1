<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RegisterWidget</name>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="195" />
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registers/view.py" line="294" />
        <source>Delete %n row(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n row? You can undo it with Ctrl+Z.</numerusform><numerusform>Delete %n rows? You can undo it with Ctrl+Z.</numerusform></translation>
    </message>
</context>
</TS>